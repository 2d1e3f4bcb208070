package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.DeliverableAddress;

/** The registration form as submitted; fields a browser left out arrive as null. */
record RegistrationForm(
        @NotBlank(message = "Enter your e-mail address.")
                @DeliverableAddress
                @Size(max = 254, message = "That address is too long.")
                @Nullable
                String email,
        @NotBlank(message = "Choose the name other readers will see.") @Nullable String displayName,
        @NotBlank(message = "Choose a password.") @Nullable String password,
        @Nullable Boolean marketingConsent) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", false);
    }

    boolean consentsToMarketing() {
        return Boolean.TRUE.equals(marketingConsent);
    }
}
