package org.masthead.newsroom;

/** The bytes of one image in one shape, width and format. */
public record ImageRendition(long imageId, ImageCrop crop, int width, ImageFormat format, byte[] bytes) {}
