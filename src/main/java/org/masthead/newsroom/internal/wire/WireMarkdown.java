package org.masthead.newsroom.internal.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire text as a draft's Markdown body: the agency's words must stay words. Every character Markdown
 * would read as markup is escaped, so that an asterisk, a bracket or an angle bracket in the copy is
 * shown as it was sent, never as emphasis, a link or HTML.
 */
final class WireMarkdown {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>#|~&!]");
    /** What would start a list or underline a heading at the head of a paragraph. */
    private static final Pattern LEADING_MARK = Pattern.compile("(?m)^([-+=])");
    /** What would start a numbered list. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("(?m)^(\\d+)([.)])");

    private WireMarkdown() {}

    static String of(String plainParagraphs) {
        String escaped = SPECIAL.matcher(plainParagraphs).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        escaped = LEADING_MARK.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group(1)));
        return LEADING_NUMBER
                .matcher(escaped)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\\" + m.group(2)));
    }
}
