package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.DeliverableAddress;

/** The new address, and the current password, which proves it is the owner asking. */
record ChangeEmailForm(
        @NotBlank(message = "Enter your new e-mail address.")
                @DeliverableAddress
                @Size(max = 254, message = "That address is too long.")
                @Nullable
                String email,
        @NotBlank(message = "Enter your current password.") @Nullable String currentPassword) {

    static ChangeEmailForm empty() {
        return new ChangeEmailForm("", "");
    }
}
