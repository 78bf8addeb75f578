package io.privatelink.provisioner.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service refuses, with the API's Code and Message, the HTTP status it goes out with and any headers
 * the answer needs (Retry-After, WWW-Authenticate).
 */
public final class ApiException extends RuntimeException {

    private final int httpStatus;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int httpStatus, String code, String message) {
        this(httpStatus, code, message, Map.of());
    }

    private ApiException(int httpStatus, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.headers = headers;
    }

    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(httpStatus, code, getMessage(), Map.copyOf(more));
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
