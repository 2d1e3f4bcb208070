package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.DeliverableAddress;

/** The address to send a reset link to. */
record ForgotPasswordForm(
        @NotBlank(message = "Enter the e-mail address of your account.")
                @DeliverableAddress
                @Size(max = 254, message = "That address is too long.")
                @Nullable
                String email) {

    static ForgotPasswordForm empty() {
        return new ForgotPasswordForm("");
    }
}
