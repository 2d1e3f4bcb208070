package org.masthead.newsroom;

/** The bytes of one image at one width. */
public record ImageRendition(long imageId, int width, String contentType, byte[] bytes) {}
