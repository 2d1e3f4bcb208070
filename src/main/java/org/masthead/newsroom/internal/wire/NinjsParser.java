package org.masthead.newsroom.internal.wire;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IPTC ninjs, versions 1.x and 2.x: {@code guid} or {@code uri}; {@code version}; {@code headline} or
 * {@code headlines}; {@code body_text}, {@code body_html} or {@code bodies}; {@code description_text} or
 * {@code descriptions}; {@code byline} or {@code by}; {@code urgency}; the agency from {@code
 * infosource}, {@code provider} or {@code copyrightholder}. Read with limits on depth, string and number
 * length, so that no document can make the reader work without end.
 */
final class NinjsParser {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxNumberLength(20)
                            .maxNameLength(200)
                            .maxStringLength(WireProperties.MAX_SIZE_CEILING)
                            .maxTokenCount(200_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private NinjsParser() {}

    static WireStory parse(byte[] content, String defaultAgency) {
        JsonNode root;
        try {
            root = JSON.readTree(WireText.utf8(content));
        } catch (JacksonException e) {
            throw new WireRejectedException("It is not well-formed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new WireRejectedException("It is not a ninjs object: the JSON is not an object.");
        }
        String guid = text(root, "guid");
        if (guid == null) {
            guid = text(root, "uri");
        }
        String headline = text(root, "headline");
        if (headline == null) {
            headline = firstValue(root, "headlines");
        }
        String standfirst = text(root, "description_text");
        if (standfirst == null && text(root, "description_html") != null) {
            standfirst = WireText.htmlParagraphs(text(root, "description_html"));
        }
        if (standfirst == null) {
            standfirst = firstValue(root, "descriptions");
        }
        String byline = text(root, "byline");
        if (byline == null) {
            byline = text(root, "by");
        }
        return WireText.story(
                guid,
                WireText.version(text(root, "version")),
                agency(root),
                defaultAgency,
                headline,
                standfirst,
                body(root),
                byline,
                WireText.urgency(text(root, "urgency")));
    }

    private static String body(JsonNode root) {
        String plain = text(root, "body_text");
        if (plain != null) {
            return WireText.plainParagraphs(plain);
        }
        String html = text(root, "body_html");
        if (html != null) {
            return WireText.htmlParagraphs(html);
        }
        JsonNode bodies = root.get("bodies");
        if (bodies != null && bodies.isArray()) {
            String htmlBody = null;
            for (JsonNode body : bodies) {
                String type = text(body, "contenttype");
                String value = text(body, "value");
                if (value == null) {
                    continue;
                }
                if (type == null || type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                    return WireText.plainParagraphs(value);
                }
                if (htmlBody == null) {
                    htmlBody = value;
                }
            }
            if (htmlBody != null) {
                return WireText.htmlParagraphs(htmlBody);
            }
        }
        return "";
    }

    /** ninjs 1.4 and 2.x name sources in {@code infosource}; earlier copy often says {@code provider}. */
    private static @Nullable String agency(JsonNode root) {
        for (String field : List.of("infosource", "provider", "copyrightholder")) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isArray()) {
                node = node.isEmpty() ? null : node.get(0);
            }
            if (node != null && node.isObject()) {
                String name = text(node, "name");
                if (name != null && !name.isBlank()) {
                    return name;
                }
            } else if (node != null) {
                String name = scalar(node, field);
                if (name != null && !name.isBlank()) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The {@code value} of the first member of an array of objects, as ninjs 2 gives headlines. */
    private static @Nullable String firstValue(JsonNode root, String field) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        JsonNode first = array.get(0);
        return first.isObject() ? text(first, "value") : scalar(first, field);
    }

    private static @Nullable String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null ? null : scalar(node, field);
    }

    private static @Nullable String scalar(JsonNode node, String field) {
        if (node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        throw new WireRejectedException("The field \"" + field + "\" should be text.");
    }
}
