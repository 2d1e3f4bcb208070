package org.masthead.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A moderator withdrawing a sanction in force, and why: the reader is told the reason. */
record WithdrawalForm(
        @NotBlank(message = "Say why the sanction is withdrawn.")
                @Size(max = 1000, message = "Keep the reason to 1,000 characters.")
                @Nullable
                String reason) {}
