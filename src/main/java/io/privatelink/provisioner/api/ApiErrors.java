package io.privatelink.provisioner.api;

/** Every error code the service itself answers with, in one place. */
public final class ApiErrors {

    public static final String JOB_NOT_FOUND = "JobNotFound";
    public static final String IDEMPOTENCE_SIGNATURE_MISMATCH = "IdempotenceSignatureMismatch";
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String DRY_RUN_OPERATION = "DryRunOperation";

    private ApiErrors() {
    }

    public static ApiException missing(String parameter, String message) {
        return new ApiException(400, "Missing" + parameter, message);
    }

    public static ApiException illegal(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(400, INVALID_PARAMETER, message);
    }

    public static ApiException jobNotFound(String what) {
        return new ApiException(404, JOB_NOT_FOUND, "The specified job " + what + " does not exist.");
    }

    public static ApiException idempotenceMismatch() {
        return new ApiException(400, IDEMPOTENCE_SIGNATURE_MISMATCH,
                "The specified ClientToken was used before with other parameters.");
    }

    public static ApiException serviceUnavailable() {
        return new ApiException(503, SERVICE_UNAVAILABLE,
                "The request cannot be recorded now; nothing was accepted. Please try again later.");
    }

    public static ApiException internalError() {
        return new ApiException(500, INTERNAL_ERROR, "The request failed because of an unknown error.");
    }
}
