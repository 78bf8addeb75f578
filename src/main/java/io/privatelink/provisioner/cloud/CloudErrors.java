package io.privatelink.provisioner.cloud;

import java.util.Set;

/** The one table of cloud outcomes worth retrying with the same ClientToken; every other code is final. */
public final class CloudErrors {

    public static final String ENDPOINT_NOT_FOUND = "EndpointNotFound";
    public static final String DRY_RUN_OPERATION = "DryRunOperation";
    /** RemoveZoneFromVpcEndpoint's answer for a zone that is not (or no longer) there. */
    public static final String ZONE_NOT_FOUND = "EndpointZoneNotFound";
    /** Every service-scoped action's answer for a service that is not there (or is another account's). */
    public static final String SERVICE_NOT_FOUND = "EndpointServiceNotFound";
    /** Delete or DetachResource of a service that endpoints are still connected to: waited out by the job. */
    public static final String SERVICE_CONNECTION_DEPENDENCE = "EndpointServiceConnectionDependence";
    /** Attach of a resource already attached, Detach of one not (or no longer) there: the change is in force. */
    public static final String RESOURCE_EXISTS = "EndpointServiceResourceExist";
    public static final String RESOURCE_NOT_FOUND = "EndpointServiceResourceNotFound";
    /** An assumed role's SecurityToken past its end: the role is assumed again. */
    public static final String EXPIRED_TOKEN = "InvalidSecurityToken.Expired";

    /** Throttling codes that do not start with "Throttling" (which every other throttling code does). */
    private static final Set<String> THROTTLED = Set.of("Rejected.Throttling");

    private static final Set<String> RETRYABLE = Set.of(
            "ServiceUnavailable", "InternalError", "SystemBusy", "ConcurrentCallNotSupported",
            "IdempotenceProcessing",
            // The endpoint is busy with another change (Terraform retries these on every lifecycle action).
            "EndpointLocked", "EndpointOperationDenied", "EndpointConnectionOperationDenied",
            // The service is busy with another change (Terraform retries these on the owner's actions).
            "EndpointServiceLocked", "EndpointServiceOperationDenied",
            "SDK.ServerUnreachable", "SDK.ReadTimeout", "SDK.RequestTryOrRetryFailed",
            // Still expired after the role was assumed again (STS answering late): the next attempt assumes anew.
            EXPIRED_TOKEN);

    private CloudErrors() {
    }

    public static boolean isRetryable(String code, int httpStatus) {
        return httpStatus >= 500 || isThrottled(code) || (code != null && RETRYABLE.contains(code));
    }

    /** The cloud's answer that the account calls too fast: retried, and the account's pacing slowed. */
    public static boolean isThrottled(String code) {
        return code != null && (code.startsWith("Throttling") || THROTTLED.contains(code));
    }
}
