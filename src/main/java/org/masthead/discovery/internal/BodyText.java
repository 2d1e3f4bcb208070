package org.masthead.discovery.internal;

import java.util.regex.Pattern;

/**
 * The words of an article's body, from the HTML the newsroom rendered: tags become spaces, the few
 * entities the renderer writes become their characters. The body was sanitised by the newsroom, so
 * there is no script or style whose content would need leaving out.
 */
final class BodyText {

    /** More than any article needs; PostgreSQL keeps word positions only up to 16,383 anyway. */
    static final int MAX_LENGTH = 100_000;

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private BodyText() {}

    static String of(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        text = NUMERIC_ENTITY.matcher(text).replaceAll(match -> {
            int code = Integer.parseInt(match.group(2), match.group(1).isEmpty() ? 10 : 16);
            return Character.isValidCodePoint(code) && code != 0
                    ? java.util.regex.Matcher.quoteReplacement(Character.toString(code))
                    : " ";
        });
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        text = SPACE.matcher(text).replaceAll(" ").strip();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
