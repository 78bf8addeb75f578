package io.privatelink.provisioner.api;

import java.util.Map;

/** Every error code the service itself answers with, and what each rule says, in one place. */
public final class ApiErrors {

    public static final String JOB_NOT_FOUND = "JobNotFound";
    public static final String IDEMPOTENCE_SIGNATURE_MISMATCH = "IdempotenceSignatureMismatch";
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String DRY_RUN_OPERATION = "DryRunOperation";
    public static final String MISSING_TOKEN = "MissingToken";
    public static final String INVALID_TOKEN = "InvalidToken";
    public static final String FORBIDDEN_ROLE = "Forbidden.Role";
    public static final String THROTTLING_USER = "Throttling.User";
    public static final String DRY_RUN_PASSED = "Request validation has been passed with DryRun flag set.";

    public static final String ILLEGAL_ENDPOINT_NAME = "IllegalParam.EndpointName";
    public static final String ILLEGAL_ENDPOINT_DESCRIPTION = "IllegalParam.EndpointDescription";
    public static final String ILLEGAL_ENDPOINT_TYPE = "IllegalParam.EndpointType";
    public static final String ILLEGAL_ADDRESS_IP_VERSION = "IllegalParam.AddressIpVersion";
    public static final String ILLEGAL_ZONE_IP_COUNT = "IllegalParam.ZonePrivateIpAddressCount";
    public static final String ILLEGAL_ZONE = "IllegalParam.Zone";
    public static final String ILLEGAL_IP = "IllegalParam.Ip";
    public static final String ILLEGAL_IPV6 = "IllegalParam.Ipv6Address";
    public static final String ILLEGAL_SECURITY_GROUP = "IllegalParam.SecurityGroupId";
    public static final String ILLEGAL_TAG = "IllegalParam.Tag";
    public static final String ILLEGAL_POLICY = "IllegalParam.PolicyDocument";
    public static final String ILLEGAL_CLIENT_TOKEN = "IllegalParam.ClientToken";
    public static final String ILLEGAL_BANDWIDTH = "IllegalParam.CrossRegionBandwidth";
    public static final String ZONE_DUPLICATED = "EndpointZoneDuplicated";
    public static final String IPV6_NEEDS_DUALSTACK = "OperationDenied.AddressIpVersionNotSupportSpecifyIpv6";
    public static final String TYPE_NOT_DUALSTACK = "OperationDenied.EndpointTypeNotSupportDualstack";
    public static final String GWLB_NO_SECURITY_GROUP = "GatewayLoadBalancerNotSupportSecurityGroup";

    /** What each rule requires, as its error's Message says it. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry(ILLEGAL_ENDPOINT_NAME, "The specified parameter EndpointName is invalid: it must be 2 to 128 "
                    + "characters, start with a letter or a Chinese character, and contain only letters, Chinese "
                    + "characters, digits, hyphens (-) and underscores (_)."),
            Map.entry(ILLEGAL_ENDPOINT_DESCRIPTION, "The specified parameter EndpointDescription is invalid: it must "
                    + "be 2 to 256 characters and must not start with http:// or https://."),
            Map.entry(ILLEGAL_ENDPOINT_TYPE, "The specified parameter EndpointType is invalid: it must be Interface, "
                    + "Reverse or GatewayLoadBalancer."),
            Map.entry(ILLEGAL_ADDRESS_IP_VERSION, "The specified parameter AddressIpVersion is invalid: it must be "
                    + "IPv4 or DualStack."),
            Map.entry(ILLEGAL_ZONE_IP_COUNT, "The specified parameter ZonePrivateIpAddressCount is invalid: the only "
                    + "value is 1."),
            Map.entry(ILLEGAL_ZONE, "The specified parameter Zone is invalid: at most 10 zones, each with a non-empty "
                    + "VSwitchId and ZoneId."),
            Map.entry(ILLEGAL_IP, "The specified parameter IP is invalid: Zone.N.ip must be an IPv4 address."),
            Map.entry(ILLEGAL_IPV6, "The specified parameter Ipv6Address is invalid: Zone.N.Ipv6Address must be an "
                    + "IPv6 address."),
            Map.entry(ILLEGAL_SECURITY_GROUP, "The specified parameter SecurityGroupId is invalid: at most 10 security "
                    + "groups, none empty and none twice."),
            Map.entry(ILLEGAL_TAG, "The specified parameter Tag is invalid: at most 20 tags; a Key of 1 to 64 and a "
                    + "Value of 0 to 128 characters, neither starting with aliyun or acs: nor containing http:// or "
                    + "https://; no Key twice."),
            Map.entry(ILLEGAL_POLICY, "The specified parameter PolicyDocument is invalid: it must be a JSON object "
                    + "with a Version and a non-empty Statement array, at most 8 KiB."),
            Map.entry(ILLEGAL_CLIENT_TOKEN, "The specified parameter ClientToken is invalid: it must be 1 to 64 "
                    + "printable ASCII characters."),
            Map.entry(ILLEGAL_BANDWIDTH, "The specified parameter CrossRegionBandwidth is invalid: it must be an "
                    + "integer of at least 100 (Mbps)."),
            Map.entry(ZONE_DUPLICATED, "The zone is duplicated for the Endpoint: each ZoneId may appear once."),
            Map.entry(IPV6_NEEDS_DUALSTACK, "The AddressIpVersion of the endpoint does not support specifying IPv6 "
                    + "address: Zone.N.Ipv6Address needs AddressIpVersion DualStack."),
            Map.entry(TYPE_NOT_DUALSTACK, "The specified endpoint type does not support dualstack, only the Interface "
                    + "and GatewayLoadBalancer types support dual stack."),
            Map.entry(GWLB_NO_SECURITY_GROUP, "The gateway load balancer not support security group: a "
                    + "GatewayLoadBalancer endpoint takes no SecurityGroupId."));

    private ApiErrors() {
    }

    /** The 400 for a broken rule, its Message saying what the rule requires. */
    public static ApiException rule(String code) {
        String message = RULES.get(code);
        if (message == null) {
            throw new IllegalArgumentException("no rule has the code " + code);
        }
        return new ApiException(400, code, message);
    }

    /** A malformed parameter of the service's own functions (ListVpcEndpointJobs), with its own message. */
    public static ApiException illegal(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException missing(String parameter, String message) {
        return new ApiException(400, "Missing" + parameter, message);
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

    /** 401 for a request without the credential it needs. */
    public static ApiException missingToken(String message) {
        return new ApiException(401, MISSING_TOKEN, message).withHeader("WWW-Authenticate", "Bearer");
    }

    /** 401 for a credential that was refused; {@code why} says how, never what the credential was. */
    public static ApiException invalidToken(String why) {
        return new ApiException(401, INVALID_TOKEN, why)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    public static ApiException forbiddenRole(String function, String roles) {
        return new ApiException(403, FORBIDDEN_ROLE, "The caller's token has no role that may call " + function
                + "; it needs " + roles + ".");
    }

    public static ApiException throttled(long retryAfterSeconds) {
        return new ApiException(429, THROTTLING_USER, "Request was denied due to user flow control: this caller "
                + "sends CreateVpcEndpoint faster than its limit allows.")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    public static ApiException tooLarge(int limit) {
        return new ApiException(413, INVALID_PARAMETER, "The request body is larger than " + limit + " bytes.");
    }
}
