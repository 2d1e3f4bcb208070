package org.masthead.newsroom.internal.wire;

import java.util.List;

/**
 * Reads a delivery in any of the formats we take. Whatever the bytes, it answers stories or throws
 * {@link WireRejectedException} with the reason; nothing else escapes it.
 */
public final class WireParsers {

    private WireParsers() {}

    /**
     * @param name the file's name, or what the sender called it: plain text uses it as the story's identifier
     * @param defaultAgency the agency to credit when the copy names none
     */
    public static List<WireStory> parse(WireFormat format, byte[] content, String name, String defaultAgency) {
        if (content.length == 0) {
            throw new WireRejectedException("It is empty.");
        }
        return switch (format) {
            case NINJS -> List.of(NinjsParser.parse(content, defaultAgency));
            case NEWSML_G2 -> NewsMlParser.parse(content, defaultAgency);
            case TEXT -> List.of(TextParser.parse(content, name, defaultAgency));
        };
    }
}
