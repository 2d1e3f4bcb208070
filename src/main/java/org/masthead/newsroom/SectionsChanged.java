package org.masthead.newsroom;

/**
 * An editor added a section or changed one (its name, description or place in the menu): every page
 * that shows the site's menu, or names the section, has changed.
 *
 * @param sectionId the section added or changed
 */
public record SectionsChanged(long sectionId) {}
