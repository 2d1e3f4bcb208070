package org.masthead.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A reader's appeal against a decision on them.
 *
 * @param about {@code rejection} or {@code sanction}
 * @param id the decision's id
 */
record AppealForm(
        @NotBlank(message = "Choose the decision you appeal.") @Nullable String about,
        @NotNull(message = "Choose the decision you appeal.") @Nullable Long id,
        @NotBlank(message = "Say why you think the decision is wrong.")
                @Size(max = 1000, message = "Keep your appeal to 1,000 characters.")
                @Nullable
                String text) {

    /** The anchor, on the page, of the decision appealed. */
    public String anchor() {
        return about + "-" + id;
    }
}
