package org.masthead.newsroom;

public record NewTag(String slug, String name, String description) {}
