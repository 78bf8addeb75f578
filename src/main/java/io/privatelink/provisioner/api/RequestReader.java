package io.privatelink.provisioner.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a CreateVpcEndpoint request strictly: unknown fields, wrong JSON types, trailing text and anything but a JSON
 * object are InvalidParameter, with the Message naming the field or the position. HTTP and the requests topic share it.
 */
public final class RequestReader {

    private static final ObjectReader STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build()
            .readerFor(CreateVpcEndpointRequest.class);

    private RequestReader() {
    }

    /** @throws ApiException InvalidParameter when the bytes are not a JSON object of CreateVpcEndpoint parameters */
    public static CreateVpcEndpointRequest read(byte[] json) {
        try {
            CreateVpcEndpointRequest request = STRICT.readValue(json);
            if (request == null) {
                throw ApiErrors.invalidParameter("The request body must be a JSON object of CreateVpcEndpoint parameters.");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw ApiErrors.invalidParameter("The parameter " + e.getPropertyName() + " is not a CreateVpcEndpoint parameter.");
        } catch (MismatchedInputException e) {
            throw ApiErrors.invalidParameter("The parameter " + path(e) + " has the wrong type: "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw ApiErrors.invalidParameter("The request body is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
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
