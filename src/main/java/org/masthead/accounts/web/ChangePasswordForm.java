package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The current password, which proves it is the owner asking, and the new one. */
record ChangePasswordForm(
        @NotBlank(message = "Enter your current password.") @Nullable String currentPassword,
        @NotBlank(message = "Choose a new password.") @Nullable String newPassword) {

    static ChangePasswordForm empty() {
        return new ChangePasswordForm("", "");
    }
}
