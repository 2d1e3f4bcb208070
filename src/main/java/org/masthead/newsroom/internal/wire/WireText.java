package org.masthead.newsroom.internal.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ControlCharacters;
import org.owasp.html.HtmlSanitizer;

/** What every parser does to the text it finds: decode it strictly, tidy it, hold it to limits. */
final class WireText {

    static final int GUID_MAX = 500;
    static final int AGENCY_MAX = 200;
    static final int HEADLINE_MAX = 1_000;
    static final int STANDFIRST_MAX = 5_000;
    static final int BYLINE_MAX = 500;

    /** Elements that end a paragraph in agency HTML (ninjs {@code body_html}, NewsML-G2's XHTML or NITF). */
    static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hl1",
            "hl2",
            "li",
            "blockquote",
            "pre",
            "tr",
            "section",
            "article",
            "block",
            "body.content",
            "hr");

    private WireText() {}

    /** UTF-8, with or without a byte order mark; anything else is refused rather than guessed at. */
    static String utf8(byte[] content) {
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WireRejectedException("It is not text in UTF-8 (binary data, or another encoding).");
        }
    }

    /** One line of text: runs of whitespace become one space. */
    static String line(@Nullable String text, String what, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        checked(line, what);
        if (line.length() > max) {
            throw new WireRejectedException("The " + what + " is longer than " + max + " characters.");
        }
        return line;
    }

    /** Paragraphs: each tidied to one line, empty ones dropped, separated by a blank line. */
    static String paragraphs(List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String line = paragraph.replaceAll("\\s+", " ").strip();
            if (!line.isEmpty()) {
                kept.add(line);
            }
        }
        String body = String.join("\n\n", kept);
        checked(body, "body");
        return body;
    }

    /** Plain text whose paragraphs are separated by blank lines (or, failing any, by line breaks). */
    static String plainParagraphs(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] parts = unified.contains("\n\n") ? unified.split("\n\\s*\n") : unified.split("\n");
        return paragraphs(List.of(parts));
    }

    /** Elements whose content is code for a browser, not words for a reader. */
    private static final Set<String> CODE = Set.of("script", "style");

    /** The text of agency HTML, one paragraph per block; no markup survives, nor what a script or style holds. */
    static String htmlParagraphs(String html) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            private int inCode;

            @Override
            public void openDocument() {}

            @Override
            public void closeDocument() {
                paragraphs.add(current.toString());
            }

            @Override
            public void openTag(String elementName, List<String> attrs) {
                if (CODE.contains(elementName)) {
                    inCode++;
                }
                block(elementName);
            }

            @Override
            public void closeTag(String elementName) {
                if (CODE.contains(elementName) && inCode > 0) {
                    inCode--;
                }
                block(elementName);
            }

            @Override
            public void text(String text) {
                if (inCode == 0) {
                    current.append(text);
                }
            }

            private void block(String elementName) {
                if (BLOCKS.contains(elementName)) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            }
        });
        return paragraphs(paragraphs);
    }

    /** Urgency as IPTC counts it: 1 is a flash, 9 the least urgent. */
    static @Nullable Integer urgency(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            int urgency = Integer.parseInt(given.strip());
            if (urgency >= 1 && urgency <= 9) {
                return urgency;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new WireRejectedException("The urgency must be a number from 1 to 9, not " + shown(given) + ".");
    }

    /** A version is a whole number from 1 up. */
    static @Nullable Integer version(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            int version = Integer.parseInt(given.strip());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new WireRejectedException("The version must be a whole number from 1 up, not " + shown(given) + ".");
    }

    /** A story needs an identifier and a headline; the agency is the default when the copy names none. */
    static WireStory story(
            @Nullable String guid,
            @Nullable Integer version,
            @Nullable String agency,
            String defaultAgency,
            @Nullable String headline,
            @Nullable String standfirst,
            String body,
            @Nullable String byline,
            @Nullable Integer urgency) {
        String id = line(guid, "identifier (guid)", GUID_MAX);
        if (id.isEmpty()) {
            throw new WireRejectedException(
                    "It has no identifier (guid or uri), so a later version could not update it.");
        }
        String title = line(headline, "headline", HEADLINE_MAX);
        if (title.isEmpty()) {
            throw new WireRejectedException("It has no headline.");
        }
        String from = line(agency, "agency", AGENCY_MAX);
        return new WireStory(
                id,
                version,
                from.isEmpty() ? defaultAgency : from,
                title,
                line(standfirst, "summary", STANDFIRST_MAX),
                body,
                line(byline, "byline", BYLINE_MAX),
                urgency);
    }

    private static void checked(String text, String what) {
        if (ControlCharacters.in(text)) {
            throw new WireRejectedException("The " + what + " holds control characters (such as NUL).");
        }
    }

    /** A reason as it is stored and shown: one paragraph of printable text, of a readable length. */
    static String shownReason(String reason) {
        String line = reason.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() > 1_000 ? line.substring(0, 1_000) + "…" : line;
    }

    /** A value as an editor may read it in a reason: short, and without control characters. */
    static String shown(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?").strip();
        return "\"" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "\"";
    }
}
