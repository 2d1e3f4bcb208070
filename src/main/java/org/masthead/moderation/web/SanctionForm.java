package org.masthead.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A sanction on a reader, as a moderator imposes it. The desk checks the rest (a known kind and rule, a
 * suspension's days).
 *
 * @param reason what the reader did, as they are told it
 * @param days how long it lasts, in days; none for a ban
 */
record SanctionForm(
        @Nullable String kind,
        @Nullable String rule,
        @NotBlank(message = "Say what the reader did.")
                @Size(max = 1000, message = "Keep the reason to 1,000 characters.")
                @Nullable
                String reason,
        // Text, checked here: a number Spring could not convert (99999999999999999999) would leave no form to
        // show again with the message beside the field. Empty, or a whole number from 1 to 365.
        @Pattern(regexp = "\\s*(|[1-9]|[1-9]\\d|[12]\\d\\d|3[0-5]\\d|36[0-5])\\s*", message = DAYS) @Nullable
                String days) {

    private static final String DAYS = "Say for how many days, from 1 to 365.";

    /** The days as a number, once validation has passed; none when the field was left empty. */
    @Nullable
    Integer dayCount() {
        return days == null || days.isBlank() ? null : Integer.valueOf(days.strip());
    }
}
