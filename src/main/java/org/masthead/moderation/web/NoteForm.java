package org.masthead.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A moderator's private note on a reader. */
record NoteForm(
        @NotBlank(message = "Write the note first.")
                @Size(max = 1000, message = "Keep the note to 1,000 characters.")
                @Nullable
                String text) {}
