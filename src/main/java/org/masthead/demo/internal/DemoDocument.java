package org.masthead.demo.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A demo content file: a front matter block of {@code key: value} lines between two {@code ---} lines,
 * followed by a Markdown body.
 *
 * <p>Deliberately much smaller than YAML: values are single lines of plain text, so a headline may hold a
 * colon or quotation marks without any quoting rules to get wrong.
 *
 * @param name where the document came from, named in error messages
 * @param fields the front matter, in file order
 * @param body the Markdown after the front matter, without leading or trailing blank lines
 */
record DemoDocument(String name, Map<String, String> fields, String body) {

    private static final String FENCE = "---";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    DemoDocument {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static DemoDocument parse(String name, String source) {
        List<String> lines = source.replace("\r\n", "\n").lines().toList();
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start == lines.size() || !lines.get(start).strip().equals(FENCE)) {
            throw new IllegalArgumentException(name + ": must start with a '---' line opening the front matter");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int i = start + 1;
        for (; i < lines.size() && !lines.get(i).strip().equals(FENCE); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        name + ", line " + (i + 1) + ": expected 'key: value' but found '" + line.strip() + "'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(name + ", line " + (i + 1) + ": '" + key
                        + "' is not a valid key; use lower-case words joined by hyphens");
            }
            if (fields.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(name + ", line " + (i + 1) + ": '" + key + "' is given twice");
            }
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException(name + ": the front matter has no closing '---' line");
        }
        String body = String.join("\n", lines.subList(i + 1, lines.size())).strip();
        return new DemoDocument(name, fields, body);
    }

    /** The value of a field that must be present and not blank. */
    String required(String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": the front matter needs '" + key + "'");
        }
        return value;
    }

    Optional<String> optional(String key) {
        return Optional.ofNullable(fields.get(key)).filter(value -> !value.isBlank());
    }

    /** A comma-separated field as a list, without blanks. */
    List<String> list(String key) {
        return Arrays.stream(required(key).split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /**
     * The body's paragraphs: blocks separated by blank lines, not counting headings, quotations or lists, so
     * that a short article cannot pass itself off as a long one.
     */
    List<String> paragraphs() {
        return Arrays.stream(body.split("\n\\s*\n"))
                .map(String::strip)
                .filter(block -> !block.isEmpty())
                .filter(block -> !block.startsWith("#") && !block.startsWith(">") && !block.startsWith("- "))
                .toList();
    }
}
