package io.privatelink.provisioner.cloud;

import java.util.Set;

/** The one table of cloud outcomes worth retrying with the same ClientToken; every other code is final. */
public final class CloudErrors {

    public static final String ENDPOINT_NOT_FOUND = "EndpointNotFound";
    public static final String DRY_RUN_OPERATION = "DryRunOperation";
    /** RemoveZoneFromVpcEndpoint's answer for a zone that is not (or no longer) there. */
    public static final String ZONE_NOT_FOUND = "EndpointZoneNotFound";
    /** An assumed role's SecurityToken past its end: the role is assumed again. */
    public static final String EXPIRED_TOKEN = "InvalidSecurityToken.Expired";

    private static final Set<String> RETRYABLE = Set.of(
            "Throttling", "Throttling.User", "Throttling.Api", "Rejected.Throttling",
            "ServiceUnavailable", "InternalError", "SystemBusy", "ConcurrentCallNotSupported",
            "IdempotenceProcessing",
            // The endpoint is busy with another change (Terraform retries these on every lifecycle action).
            "EndpointLocked", "EndpointOperationDenied", "EndpointConnectionOperationDenied",
            "SDK.ServerUnreachable", "SDK.ReadTimeout", "SDK.RequestTryOrRetryFailed",
            // Still expired after the role was assumed again (STS answering late): the next attempt assumes anew.
            EXPIRED_TOKEN);

    private CloudErrors() {
    }

    public static boolean isRetryable(String code, int httpStatus) {
        return httpStatus >= 500 || (code != null && (RETRYABLE.contains(code) || code.startsWith("Throttling")));
    }
}
