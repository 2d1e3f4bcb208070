package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/**
 * An editor published a front: the page readers see there has changed.
 *
 * @param front the front's key ({@link Front#key()})
 * @param sectionId the section whose page it is; null for the home page
 */
public record FrontChanged(String front, @Nullable Long sectionId) {}
