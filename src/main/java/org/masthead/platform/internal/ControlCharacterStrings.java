package org.masthead.platform.internal;

import org.masthead.platform.ControlCharacters;
import org.masthead.platform.RejectedException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads each string of a JSON request body, and refuses one with a control character in it (see
 * {@link ControlCharacters}) with 400, as parameters are refused at the edge. Only request bodies are
 * read with it: what the application stores and reads back itself is not checked again.
 */
class ControlCharacterStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && ControlCharacters.in(value)) {
            String field = parser.currentName();
            throw field == null
                    ? new RejectedException("Control character", ControlCharacters.REFUSED)
                    : new RejectedException("Control character", field, ControlCharacters.REFUSED);
        }
        return value;
    }
}
