package org.masthead.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Text we do not take: control characters other than tab, line feed and carriage return. None is
 * typed by a reader, and PostgreSQL refuses NUL in text outright. Parameters and JSON request bodies
 * are checked at the edge; a module checks here only text that reaches it another way.
 */
public final class ControlCharacters {

    /**
     * What a reader, or a program, that sent one is told: in words a reader knows, since a character
     * pasted from another program is how one reaches a page. (The problem's title names it for a program.)
     */
    public static final String REFUSED =
            "The text holds an invisible character that cannot be kept (tabs and line breaks are fine): take it"
                    + " out, or type the text again, and retry.";

    private static final JsonFactory JSON = new JsonFactory();

    private ControlCharacters() {}

    public static boolean in(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a name or a string of this JSON text has one, once its escapes are read. Text that is not
     * JSON has none here: whoever reads it says what else is wrong with it.
     */
    public static boolean inJson(String json) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) && in(parser.getString())) {
                    return true;
                }
            }
            return false;
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
