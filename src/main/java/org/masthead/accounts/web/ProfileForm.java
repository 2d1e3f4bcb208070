package org.masthead.accounts.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * The profile form as submitted, less the picture file, which comes as a part of its own; fields a
 * browser left out arrive as null.
 */
record ProfileForm(
        @NotBlank(message = "Choose the name other readers will see.") @Nullable String displayName,
        @Nullable String bio,
        @Nullable Boolean marketingConsent,
        @Nullable Boolean removePicture) {

    ProfileForm(String displayName, String bio, boolean marketingConsent) {
        this(displayName, bio, marketingConsent, false);
    }

    String bioOrEmpty() {
        return bio == null ? "" : bio;
    }

    boolean consentsToMarketing() {
        return Boolean.TRUE.equals(marketingConsent);
    }

    boolean removesPicture() {
        return Boolean.TRUE.equals(removePicture);
    }
}
