package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The profile form as submitted; fields a browser left out arrive as null. */
record ProfileForm(
        @NotBlank(message = "Choose the name other readers will see.") @Nullable String displayName,
        @Nullable String bio,
        @Nullable Boolean marketingConsent) {

    String bioOrEmpty() {
        return bio == null ? "" : bio;
    }

    boolean consentsToMarketing() {
        return Boolean.TRUE.equals(marketingConsent);
    }
}
