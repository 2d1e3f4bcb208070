package org.masthead.newsroom;

/**
 * An image to store: its encoded bytes (JPEG or PNG) and the words that go with it.
 *
 * @param altText what the image shows, for readers who cannot see it
 */
public record NewImage(byte[] bytes, String altText, String caption, String credit) {}
