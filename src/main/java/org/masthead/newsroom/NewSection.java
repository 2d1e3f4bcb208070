package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/** A section to create; {@code parentPath} names the section it sits in, if any. */
public record NewSection(@Nullable String parentPath, String slug, String name, String description, int position) {}
