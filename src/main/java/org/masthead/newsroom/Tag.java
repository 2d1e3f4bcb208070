package org.masthead.newsroom;

/** A topic that cuts across sections, such as "Climate crisis". */
public record Tag(long id, String slug, String name, String description) {}
