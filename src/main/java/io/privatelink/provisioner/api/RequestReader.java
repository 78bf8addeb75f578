package io.privatelink.provisioner.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a CreateVpcEndpoint request strictly: unknown fields, wrong JSON types, trailing text and anything but a JSON
 * object are InvalidParameter, with the Message naming the field or the position. HTTP and the requests topic share it.
 */
public final class RequestReader {

    /**
     * A JSON null is an absent parameter (the rules then say whether it may be absent); an empty or blank string where
     * a number, a boolean, a list or an object belongs is the wrong type, never a null in disguise.
     */
    private static final JsonMapper STRICT = strict();

    private static JsonMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        // A number or a boolean where a string belongs is the wrong type too, not its text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private RequestReader() {
    }

    /** @throws ApiException InvalidParameter when the bytes are not a JSON object of CreateVpcEndpoint parameters */
    public static CreateVpcEndpointRequest read(byte[] json) {
        return read(json, CreateVpcEndpointRequest.class, "CreateVpcEndpoint");
    }

    /** @throws ApiException InvalidParameter when the bytes are not a JSON object of the action's parameters */
    public static <T> T read(byte[] json, Class<T> type, String action) {
        try {
            T request = STRICT.readerFor(type).readValue(json);
            if (request == null) {
                throw ApiErrors.invalidParameter("The request body must be a JSON object of " + action + " parameters.");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw ApiErrors.invalidParameter("The parameter " + ApiErrors.quoted(e.getPropertyName()) + " is not a "
                    + action + " parameter.");
        } catch (MismatchedInputException e) {
            throw ApiErrors.invalidParameter("The parameter " + path(e) + " has the wrong type: it takes "
                    + expected(e.getTargetType()) + ".");
        } catch (IOException e) {
            throw ApiErrors.invalidParameter("The request body is not valid JSON: "
                    + ApiErrors.quoted(e.getMessage().split("\n")[0]));
        }
    }

    /** What a parameter of this type takes, said without echoing the value that was given. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('.').append(ref.getIndex() + 1);
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
