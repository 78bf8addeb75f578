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

    public static final String UNSUPPORTED_METHOD = "UnsupportedHTTPMethod";
    public static final String ACTION_NOT_FOUND = "InvalidAction.NotFound";
    public static final String PROVISIONING_TIMEOUT = "ProvisioningTimeout";
    /** The service's owner refused or disabled the endpoint's connection. */
    public static final String CONNECTION_REJECTED = "ConnectionRejected";
    /** No decision on the endpoint's connection within its AcceptanceDeadline. */
    public static final String ACCEPTANCE_TIMEOUT = "AcceptanceTimeout";
    /** The endpoint's service was deleted under it (ConnectionStatus ServiceDeleted; the API's own code). */
    public static final String SERVICE_DELETED = "EndpointServiceDeleted";

    public static final String ILLEGAL_REGION_ID = "IllegalParam.RegionId";
    public static final String ILLEGAL_VPC_ID = "IllegalParam.VpcId";
    public static final String ILLEGAL_SERVICE_ID = "IllegalParam.ServiceId";
    public static final String ILLEGAL_SERVICE_NAME = "IllegalParam.ServiceName";
    public static final String ILLEGAL_SERVICE_REGION_ID = "IllegalParam.ServiceRegionId";
    public static final String ILLEGAL_RESOURCE_GROUP_ID = "IllegalParam.ResourceGroupId";
    public static final String ILLEGAL_JOB_ID = "IllegalParam.JobId";
    public static final String ILLEGAL_ENDPOINT_ID = "IllegalParam.EndpointId";
    public static final String ILLEGAL_DEADLINE = "IllegalParam.Deadline";
    public static final String ILLEGAL_WAIT_FOR = "IllegalParam.WaitFor";
    public static final String ILLEGAL_CONNECTION_BANDWIDTH = "IllegalParam.Bandwidth";
    public static final String ILLEGAL_REASON = "IllegalParam.Reason";
    /** The service is not one of the caller's accounts' (or does not exist): the cloud's own code. */
    public static final String SERVICE_NOT_FOUND = "EndpointServiceNotFound";
    /** The service lists no connection of that endpoint: the cloud's own code. */
    public static final String CONNECTION_NOT_FOUND = "EndpointConnectionNotFound";
    public static final String ILLEGAL_RESOURCE = "IllegalParam.Resource";
    public static final String ILLEGAL_ZONE_ID = "IllegalParam.ZoneId";
    /** A decision on a zone the endpoint no longer has. */
    public static final String ZONE_NOT_FOUND = "EndpointZoneNotFound";
    public static final String ILLEGAL_USER = "IllegalParam.User";
    public static final String ILLEGAL_SERVICE_DESCRIPTION = "IllegalParam.ServiceDescription";
    public static final String ILLEGAL_CONNECT_BANDWIDTH = "IllegalParam.ConnectBandwidth";
    public static final String ILLEGAL_PAYER = "IllegalParam.Payer";
    public static final String ILLEGAL_ACCEPTANCE_POLICY = "IllegalParam.AcceptancePolicy";
    public static final String ILLEGAL_SERVICE_RESOURCE_TYPE = "IllegalParam.ServiceResourceType";
    /** An adoption of a service this service manages already. */
    public static final String SERVICE_MANAGED = "OperationDenied.EndpointServiceManaged";
    /** A delete of a service that still has connections, not asked to disable them, past its deadline. */
    public static final String SERVICE_CONNECTION_DEPENDENCE = "EndpointServiceConnectionDependence";
    public static final String ILLEGAL_ACCEPTANCE_DEADLINE = "IllegalParam.AcceptanceDeadline";
    public static final String ILLEGAL_ACCOUNT = "IllegalParam.Account";
    public static final String FORBIDDEN_ACCOUNT = "Forbidden.Account";
    public static final String ENDPOINT_NOT_FOUND = "EndpointNotFound";
    public static final String JOB_REACHED_CLOUD = "OperationDenied.JobReachedCloud";
    public static final String ENDPOINT_MANAGED = "OperationDenied.EndpointManaged";
    public static final String ILLEGAL_JOB_STATUS = "IllegalParam.JobStatus";
    public static final String ILLEGAL_STATUS = "IllegalParam.Status";
    public static final String ILLEGAL_CODE = "IllegalParam.Code";
    public static final String ILLEGAL_MAX_RESULTS = "IllegalParam.MaxResults";
    public static final String ILLEGAL_NEXT_TOKEN = "IllegalParam.NextToken";
    public static final String ILLEGAL_CREATED_AFTER = "IllegalParam.CreatedAfter";
    public static final String ILLEGAL_CREATED_BEFORE = "IllegalParam.CreatedBefore";
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
    public static final String ILLEGAL_NOTIFICATION_URL = "IllegalParam.NotificationUrl";
    public static final String ILLEGAL_NOTIFY_ON = "IllegalParam.NotifyOn";
    public static final String ZONE_DUPLICATED = "EndpointZoneDuplicated";
    public static final String IPV6_NEEDS_DUALSTACK = "OperationDenied.AddressIpVersionNotSupportSpecifyIpv6";
    public static final String TYPE_NOT_DUALSTACK = "OperationDenied.EndpointTypeNotSupportDualstack";
    public static final String GWLB_NO_SECURITY_GROUP = "GatewayLoadBalancerNotSupportSecurityGroup";

    private static final String RESOURCE_ID_FORM = " is invalid: it must be 1 to 64 letters, digits, dots (.), "
            + "underscores (_) and hyphens (-), starting with a letter or a digit.";

    /** What each rule requires, as its error's Message says it. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry(ILLEGAL_REGION_ID, "The specified parameter RegionId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_VPC_ID, "The specified parameter VpcId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_SERVICE_ID, "The specified parameter ServiceId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_SERVICE_REGION_ID, "The specified parameter ServiceRegionId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_RESOURCE_GROUP_ID, "The specified parameter ResourceGroupId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_JOB_ID, "The specified parameter JobId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_ENDPOINT_ID, "The specified parameter EndpointId" + RESOURCE_ID_FORM),
            Map.entry(ILLEGAL_DEADLINE, "The specified parameter Deadline is invalid: it must be an integer of "
                    + ParameterForms.MIN_DEADLINE + " to " + ParameterForms.MAX_DEADLINE + " (seconds)."),
            Map.entry(ILLEGAL_WAIT_FOR, "The specified parameter WaitFor is invalid: it must be Endpoint or "
                    + "Connection."),
            Map.entry(ILLEGAL_ACCEPTANCE_DEADLINE, "The specified parameter AcceptanceDeadline is invalid: it must be "
                    + "an integer of " + ParameterForms.MIN_DEADLINE + " to " + ParameterForms.MAX_ACCEPTANCE_DEADLINE
                    + " (seconds)."),
            Map.entry(ILLEGAL_CONNECTION_BANDWIDTH, "The specified parameter Bandwidth is invalid: it must be an "
                    + "integer of " + ParameterForms.MIN_CONNECTION_BANDWIDTH + " to "
                    + ParameterForms.MAX_CONNECTION_BANDWIDTH + " (Mbit/s), and only an acceptance takes one."),
            Map.entry(ILLEGAL_ZONE_ID, "The specified parameter ZoneId is invalid: at most 10 zones of the endpoint's, "
                    + "none twice."),
            Map.entry(ILLEGAL_RESOURCE, "The specified parameter Resource is invalid: at most "
                    + ParameterForms.MAX_SERVICE_RESOURCES + " resources (" + ParameterForms.MAX_RESOURCES_AT_CREATION
                    + " at creation), each with a ResourceId, a ResourceType of " + ParameterForms.SERVICE_RESOURCE_TYPE
                    + " and a ZoneId for all but slb, no ResourceId twice."),
            Map.entry(ILLEGAL_USER, "The specified parameter User is invalid: at most "
                    + ParameterForms.MAX_SERVICE_USERS + " Alibaba Cloud account ids (digits), none twice."),
            Map.entry(ILLEGAL_SERVICE_DESCRIPTION, "The specified parameter ServiceDescription is invalid: at most "
                    + ParameterForms.MAX_SERVICE_DESCRIPTION + " characters, no control characters."),
            Map.entry(ILLEGAL_CONNECT_BANDWIDTH, "The specified parameter ConnectBandwidth is invalid: it must be an "
                    + "integer of " + ParameterForms.MIN_CONNECT_BANDWIDTH + " to "
                    + ParameterForms.MAX_CONNECT_BANDWIDTH + " (Mbit/s)."),
            Map.entry(ILLEGAL_ACCEPTANCE_POLICY, "The specified parameter AcceptancePolicy is invalid: "
                    + "AcceptAllowedUsers (true or false), AcceptAccounts (at most " + ParameterForms.MAX_SERVICE_USERS
                    + " account ids) and RejectAfter (" + ParameterForms.MIN_DEADLINE + " to "
                    + ParameterForms.MAX_ACCEPTANCE_DEADLINE + " seconds)."),
            Map.entry(ILLEGAL_PAYER, "The specified parameter Payer is invalid: Endpoint or EndpointService."),
            Map.entry(ILLEGAL_SERVICE_RESOURCE_TYPE, "The specified parameter ServiceResourceType is invalid: one of "
                    + ParameterForms.SERVICE_RESOURCE_TYPE + "."),
            Map.entry(ILLEGAL_REASON, "The specified parameter Reason is invalid: at most " + ParameterForms.MAX_REASON
                    + " characters, no control characters."),
            Map.entry(ILLEGAL_ACCOUNT, "The specified parameter Account is invalid: it names no account this "
                    + "service acts in."),
            Map.entry(ILLEGAL_CODE, "The specified parameter Code is invalid: an error code is 1 to 128 letters, "
                    + "digits, dots (.), underscores (_) and hyphens (-)."),
            Map.entry(ILLEGAL_MAX_RESULTS, "The specified parameter MaxResults is invalid: 1 to 100."),
            Map.entry(ILLEGAL_NEXT_TOKEN, "The specified parameter NextToken is invalid: pass the NextToken of the "
                    + "previous page as it came."),
            Map.entry(ILLEGAL_CREATED_AFTER, "The specified parameter CreatedAfter is invalid: an ISO-8601 instant "
                    + "such as 2026-11-25T08:00:00Z."),
            Map.entry(ILLEGAL_CREATED_BEFORE, "The specified parameter CreatedBefore is invalid: an ISO-8601 instant "
                    + "such as 2026-11-25T08:00:00Z."),
            Map.entry(ILLEGAL_SERVICE_NAME, "The specified parameter ServiceName is invalid: it must be 1 to 128 "
                    + "letters, digits, dots (.), underscores (_) and hyphens (-), starting with a letter or a digit."),
            Map.entry(ILLEGAL_ENDPOINT_NAME, "The specified parameter EndpointName is invalid: it must be 2 to 128 "
                    + "characters, start with a letter or a Chinese character, and contain only letters, Chinese "
                    + "characters, digits, hyphens (-) and underscores (_)."),
            Map.entry(ILLEGAL_ENDPOINT_DESCRIPTION, "The specified parameter EndpointDescription is invalid: it must "
                    + "be 2 to 256 characters without control characters and must not start with http:// or https://."),
            Map.entry(ILLEGAL_ENDPOINT_TYPE, "The specified parameter EndpointType is invalid: it must be Interface, "
                    + "Reverse or GatewayLoadBalancer."),
            Map.entry(ILLEGAL_ADDRESS_IP_VERSION, "The specified parameter AddressIpVersion is invalid: it must be "
                    + "IPv4 or DualStack."),
            Map.entry(ILLEGAL_ZONE_IP_COUNT, "The specified parameter ZonePrivateIpAddressCount is invalid: the only "
                    + "value is 1."),
            Map.entry(ILLEGAL_ZONE, "The specified parameter Zone is invalid: at most 10 zones, each with a VSwitchId "
                    + "and a ZoneId of 1 to 64 letters, digits, dots (.), underscores (_) and hyphens (-)."),
            Map.entry(ILLEGAL_IP, "The specified parameter IP is invalid: Zone.N.ip must be an IPv4 address."),
            Map.entry(ILLEGAL_IPV6, "The specified parameter Ipv6Address is invalid: Zone.N.Ipv6Address must be an "
                    + "IPv6 address."),
            Map.entry(ILLEGAL_SECURITY_GROUP, "The specified parameter SecurityGroupId is invalid: at most 10 security "
                    + "groups, none twice, each 1 to 64 letters, digits, dots (.), underscores (_) and hyphens (-)."),
            Map.entry(ILLEGAL_TAG, "The specified parameter Tag is invalid: at most 20 tags; a Key of 1 to 64 and a "
                    + "Value of 0 to 128 characters, neither starting with aliyun or acs: nor containing http://, "
                    + "https:// or a control character; no Key twice."),
            Map.entry(ILLEGAL_POLICY, "The specified parameter PolicyDocument is invalid: it must be a JSON object "
                    + "with a Version and a non-empty Statement array, at most 8 KiB."),
            Map.entry(ILLEGAL_CLIENT_TOKEN, "The specified parameter ClientToken is invalid: it must be 1 to 64 "
                    + "printable ASCII characters, not all of them spaces."),
            Map.entry(ILLEGAL_BANDWIDTH, "The specified parameter CrossRegionBandwidth is invalid: it must be an "
                    + "integer of at least 100 (Mbps)."),
            Map.entry(ILLEGAL_NOTIFICATION_URL, "The specified parameter NotificationUrl is invalid: it must be an "
                    + "https URL (http only for the hosts the service allows it for) of at most "
                    + ParameterForms.MAX_NOTIFICATION_URL + " printable ASCII characters, without user information."),
            Map.entry(ILLEGAL_NOTIFY_ON, "The specified parameter NotifyOn is invalid: it must be Terminal (the job's "
                    + "end, the default) or EveryState."),
            Map.entry(ZONE_DUPLICATED, "The zone is duplicated for the Endpoint: each ZoneId may appear once."),
            Map.entry(IPV6_NEEDS_DUALSTACK, "The AddressIpVersion of the endpoint does not support specifying IPv6 "
                    + "address: Zone.N.Ipv6Address needs AddressIpVersion DualStack."),
            Map.entry(TYPE_NOT_DUALSTACK, "The specified endpoint type does not support dualstack, only the Interface "
                    + "and GatewayLoadBalancer types support dual stack."),
            Map.entry(GWLB_NO_SECURITY_GROUP, "The gateway load balancer not support security group: a "
                    + "GatewayLoadBalancer endpoint takes no SecurityGroupId."));

    private ApiErrors() {
    }

    /**
     * What a caller sent, quoted in a Message (a parser's message, a parameter's name): it goes into the answer, the
     * log and (for the requests topic) a job's row, so control characters are replaced and the length is bounded.
     */
    public static String quoted(String text) {
        String printable = text.replaceAll("[\\x00-\\x1F\\x7F]", "\uFFFD");
        return printable.length() <= 200 ? printable : printable.substring(0, 200) + "...";
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

    /**
     * A NotificationUrl of the right form that the service will not call: {@code why} names the rule (the host, never
     * the URL, whose query may hold the caller's token).
     */
    public static ApiException notificationUrlRefused(String why) {
        return new ApiException(400, ILLEGAL_NOTIFICATION_URL, "The specified parameter NotificationUrl is refused: "
                + why + ".");
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

    /** An endpoint that does not exist, is no longer managed, or is another caller's: the same answer for all. */
    public static ApiException endpointNotFound(String what) {
        return new ApiException(404, ENDPOINT_NOT_FOUND, "The specified endpoint " + what + " does not exist.");
    }

    /** A service, or an endpoint's connection to it, that the caller's account does not hold: one answer for all. */
    public static ApiException connectionNotFound(String code, String serviceId, String endpointId) {
        return new ApiException(404, code, SERVICE_NOT_FOUND.equals(code)
                ? "The specified service " + serviceId + " does not exist."
                : "The specified service " + serviceId + " has no connection of the endpoint " + endpointId + ".");
    }

    /** A service that does not exist, is not managed here, or is another tenant's: the same answer for all. */
    public static ApiException serviceNotFound(String serviceId) {
        return connectionNotFound(SERVICE_NOT_FOUND, serviceId, null);
    }

    public static ApiException serviceManaged(String serviceId) {
        return new ApiException(400, SERVICE_MANAGED, "The endpoint service " + serviceId + " is already managed by "
                + "this service: update or delete it instead.");
    }

    public static ApiException jobReachedCloud(String jobId, String status) {
        return new ApiException(400, JOB_REACHED_CLOUD, "The job " + jobId + " has reached the cloud (JobStatus "
                + status + ") and can no longer be cancelled; delete the endpoint instead.");
    }

    public static ApiException endpointManaged(String endpointId) {
        return new ApiException(400, ENDPOINT_MANAGED, "The endpoint " + endpointId + " is already managed by this "
                + "service: update or delete it instead.");
    }

    public static ApiException idempotenceMismatch() {
        return new ApiException(400, IDEMPOTENCE_SIGNATURE_MISMATCH,
                "The specified ClientToken was used before with other parameters.");
    }

    /** 503 for a read or a write that the database, the broker or the cloud cannot serve now. */
    public static ApiException serviceUnavailable() {
        return new ApiException(503, SERVICE_UNAVAILABLE,
                "The request cannot be served now: the service's database, broker or cloud is unavailable; nothing "
                + "was accepted or changed. Please try again later.")
                .withHeader("Retry-After", "1");
    }

    public static ApiException internalError() {
        return new ApiException(500, INTERNAL_ERROR, "The request failed because of an unknown error.");
    }

    public static ApiException actionNotFound(String path) {
        return new ApiException(404, ACTION_NOT_FOUND, "No function is served at " + path + ".");
    }

    public static ApiException unsupportedMethod(String allowed) {
        return new ApiException(405, UNSUPPORTED_METHOD, "This function takes " + allowed + ".")
                .withHeader("Allow", allowed);
    }

    /** 414 or 431: the request line or its headers are longer than the HTTP edge reads. */
    public static ApiException requestTooLong(int status, String what, int limit) {
        return new ApiException(status, INVALID_PARAMETER, "The request's " + what + " is longer than " + limit
                + " bytes.");
    }

    public static ApiException badEncoding(String where) {
        return invalidParameter("The " + where + " is not valid URL encoding: every % must be followed by two hex "
                + "digits, and the text must be UTF-8.");
    }

    public static ApiException undecodableBody(int fields) {
        return invalidParameter("The request body cannot be decoded as its Content-Type says: a broken percent escape, "
                + "text that is not UTF-8, or more than " + fields + " form fields.");
    }

    public static ApiException tooManyParameters(int limit) {
        return invalidParameter("The request has more than " + limit + " parameters.");
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

    public static ApiException forbiddenAccount(String account) {
        return new ApiException(403, FORBIDDEN_ACCOUNT, "The caller's tenant may not act in the account " + account
                + ".");
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

    /** A pushed record that is not what its topic carries: the platform should dead-letter it, not retry. */
    public static ApiException poisonRecord() {
        return invalidParameter("A pushed record is not what its topic carries; it will never succeed.");
    }

    /** The answer to a DryRun whose checks all passed, in the API's convention: a 400 DryRunOperation. */
    public static ApiException dryRunPassed() {
        return new ApiException(400, DRY_RUN_OPERATION, DRY_RUN_PASSED);
    }

    /** A check of the cloud's own refused the request (400), or the cloud could not answer it now (503). */
    public static ApiException cloudRefused(String cloudCode, String message, boolean retryable) {
        return new ApiException(retryable ? 503 : 400, cloudCode, message);
    }

    public static ApiException tooLarge(int limit) {
        return new ApiException(413, INVALID_PARAMETER, "The request body is larger than " + limit + " bytes.");
    }
}
