package io.privatelink.provisioner.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * A parameter the API takes as a JSON number or as a string of digits (MaxResults): its text, for the function's rules
 * to judge; any other JSON type is the wrong type, even to the strict reader.
 */
public final class NumberOrText extends StdDeserializer<String> {

    public NumberOrText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING) || parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            return parser.getText();
        }
        return (String) context.handleUnexpectedToken(Integer.class, parser);
    }
}
