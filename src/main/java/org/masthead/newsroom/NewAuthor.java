package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

public record NewAuthor(String slug, String name, String jobTitle, String bio, @Nullable Long photoId) {}
