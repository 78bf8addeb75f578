package io.privatelink.provisioner.cloud;

/** The cloud's answer to a failed call: its Code and Message, and the HTTP status (0 when none came back). */
public final class CloudException extends RuntimeException {

    private final String code;
    private final int httpStatus;
    private final String requestId;

    public CloudException(String code, String message, int httpStatus, String requestId) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String requestId() {
        return requestId;
    }

    public boolean isRetryable() {
        return CloudErrors.isRetryable(code, httpStatus);
    }

    /** Whether a failure is the cloud's answer with this Code. */
    public static boolean is(Throwable failure, String code) {
        return failure instanceof CloudException c && code.equals(c.code);
    }
}
