package org.masthead.moderation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A sanction on a reader, as a moderator imposes it. The desk checks the rest (a known kind and rule, a
 * suspension's days).
 *
 * @param reason what the reader did, as they are told it
 * @param days how long it lasts; none for a ban
 */
record SanctionForm(
        @Nullable String kind,
        @Nullable String rule,
        @NotBlank(message = "Say what the reader did.")
                @Size(max = 1000, message = "Keep the reason to 1,000 characters.")
                @Nullable
                String reason,
        @Min(value = 1, message = "Say for how many days, from 1 to 365.")
                @Max(value = 365, message = "Say for how many days, from 1 to 365.")
                @Nullable
                Integer days) {}
