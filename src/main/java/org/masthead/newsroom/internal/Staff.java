package org.masthead.newsroom.internal;

/**
 * Someone working in the newsroom, as the workflow judges them: journalists file and edit their own
 * drafts; editors (and admins) may do anything to any article.
 */
public record Staff(long accountId, String name, boolean editor) {}
