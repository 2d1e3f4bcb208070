package org.masthead.newsroom.internal.wire;

import java.util.Locale;
import org.masthead.newsroom.internal.Slugs;

/**
 * Plain text copy: the first line is the headline, the rest the body, paragraphs separated by blank
 * lines. It carries no identifier, so the name it came under is one (a file sent again under its name
 * is a new version); failing a name, its headline.
 */
final class TextParser {

    private TextParser() {}

    static WireStory parse(byte[] content, String name, String defaultAgency) {
        String text =
                WireText.utf8(content).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new WireRejectedException("It is empty.");
        }
        int end = text.indexOf('\n');
        String headline = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 1);
        String base = name.replaceFirst("(?i)\\.txt$", "").strip();
        String key = base.isEmpty() ? Slugs.from(headline) : base.toLowerCase(Locale.ROOT);
        return WireText.story(
                "text:" + key, null, null, defaultAgency, headline, null, WireText.plainParagraphs(body), null, null);
    }
}
