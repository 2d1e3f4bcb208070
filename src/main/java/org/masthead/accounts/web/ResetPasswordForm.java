package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** A new password, with the token from the link that opened the form. */
record ResetPasswordForm(
        @Nullable String token, @NotBlank(message = "Choose a new password.") @Nullable String password) {

    String tokenOrEmpty() {
        return token == null ? "" : token;
    }
}
