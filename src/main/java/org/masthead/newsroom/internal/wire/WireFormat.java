package org.masthead.newsroom.internal.wire;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The formats agencies send that we read. A file says which by its extension; a request by its type. */
public enum WireFormat {
    NINJS("ninjs"),
    NEWSML_G2("NewsML-G2"),
    TEXT("text");

    private final String label;

    WireFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code .json} is ninjs, {@code .xml} NewsML-G2, {@code .txt} plain text. */
    public static Optional<WireFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Optional.of(NINJS);
        }
        if (lower.endsWith(".xml")) {
            return Optional.of(NEWSML_G2);
        }
        if (lower.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /** JSON types (ninjs has {@code application/ninjs+json}) are ninjs; XML types NewsML-G2; text/plain text. */
    public static Optional<WireFormat> ofMediaType(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (subtype.equals("json") || subtype.endsWith("+json")) {
            return Optional.of(NINJS);
        }
        if (subtype.equals("xml") || subtype.endsWith("+xml")) {
            return Optional.of(NEWSML_G2);
        }
        if (type.getType().equalsIgnoreCase("text") && subtype.equals("plain")) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }
}
