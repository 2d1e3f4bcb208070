package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/** Someone whose name stands on articles: a staff journalist, columnist or contributor. */
public record Author(long id, String slug, String name, String jobTitle, String bio, @Nullable ImageRef photo) {}
