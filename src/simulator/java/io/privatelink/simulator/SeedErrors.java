package io.privatelink.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error codes of the CreateVpcEndpoint page (../shared/seed), each with its message, plus the gateway's and the
 * API family's codes the simulator also answers with. A code can be forced on demand with the message it has here.
 */
public final class SeedErrors {

    /** The seed page's table, in its order: every code the simulator must be able to return. */
    public static final Map<String, String> CREATE_VPC_ENDPOINT = new LinkedHashMap<>();

    static {
        Map<String, String> m = CREATE_VPC_ENDPOINT;
        m.put("EndpointExist", "The specified Endpoint already exists.");
        m.put("EndpointZoneDuplicated", "The zone is duplicated for the Endpoint.");
        m.put("EndpointServiceNotFound", "The specified Service does not exist.");
        m.put("EndpointServiceNotSupportedZone", "The specified endpoint service does not support the zone.");
        m.put("VSwitchNotFound", "The specified VSwitch does not exist.");
        m.put("SecurityGroupNotFound", "The specified security group does not exist.");
        m.put("VpcTunnelNotFound", "The specified VPC tunnel does not exist.");
        m.put("VpcNotFound", "The specified VPC does not exist.");
        m.put("GenerateResourceIdFailed", "Failed to generate ResourceId.");
        m.put("QuotaMisMatched", "The resource you applied for has exceeded the quota.");
        m.put("EndpointMustContainSecurityGroup", "The specified endpoint must have at least one security group.");
        m.put("EndpointDuplicated", "The endpoint of the service already exists and cannot be created again.");
        m.put("EndpointServiceDeleted", "The specified Service is already deleted.");
        m.put("EndpointServiceResourceNotFound", "The specified service resource is not found.");
        m.put("SecurityGroupTypeNotSupport", "The specified security group type is not supported.");
        m.put("EniIpUnavailable", "The specified IP address is unavailable.");
        m.put("EndpointServiceNotAuthorized", "The specified endpoint service is not authorized to user.");
        m.put("SecurityGroupTypeOnlySingleTypeSupporteded", "The specified security group only support one type.");
        m.put("QuotaExceeded.IpQuotaPerEp", "The quota of %s is exceeded, usage %s/%s.");
        m.put("Mismatch.EndpointType", "The %s is mismatched for %s and %s.");
        m.put("IncorrectStatus.VpcEndpointService", "The status of %s [%s] is incorrect.");
        m.put("CheckServiceLinkRoleError", "The ServiceLink role check error.");
        m.put("ResourceNotEnough.VSwitchIp", "The specified resource of VSwitchIp is not enough.");
        m.put("VSwitchStatusNotAllowed", "The specified vswitch status is not Available.");
        m.put("QuotaExceeded.epZonePerEndpoint", "The quota of %s is exceeded, usage %s/%s.");
        m.put("QuotaExceeded.totalEpPerVpc", "The quota of %s is exceeded, usage %s/%s.");
        m.put("QuotaExceeded.totalIdleEndpoint", "The quota of %s is exceeded, usage %s/%s.");
        m.put("OperationDenied.EndpointPolicyNotSupport",
                "The operation is not allowed because of EndpointPolicyNotSupport.");
        m.put("OperationDenied.PrivateDomainStatusNotSupport", "The operation is not allowed because of %s.");
        m.put("OperationDenied.PrivateDomainNotSupport",
                "The operation is not allowed because of PrivateDomainNotSupport.");
        m.put("DependencyViolation.PrivateDnsName",
                "The specified resource of %s depends on %s, so the operation cannot be completed.");
        m.put("GatewayLoadBalancerNotSupportSecurityGroup", "The gateway load balancer not support security group.");
        m.put("GatewayLoadBalancerZoneCountDeny", "The GatewayLoadBalancer zone count not support");
        m.put("OperationDenied.EndpointTypeNotSupportDualstack", "The specified endpoint type does not support "
                + "dualstack, only the Interface and GatewayLoadBalancer types support dual stack.");
        m.put("OperationDenied.EndpointServiceNotSupportDualstack",
                "The specified endpoint service does not support dualstack.");
        m.put("OperationDenied.VSwitchNotSupportDualstack", "The specified VSwitch does not support dualstack.");
        m.put("OperationDenied.AddressIpVersionNotSupportSpecifyIpv6",
                "The AddressIpVersion of the endpoint does not support specifying IPv6 address.");
        m.put("IllegalParam.Ip", "The specified parameter IP is invalid.");
        m.put("IllegalParam.Ipv6Address", "The specified parameter Ipv6Address is invalid.");
        m.put("IllegalParam.AddressIpVersion", "The specified parameter AddressIpVersion is invalid.");
        m.put("SpecifiedAlbNotSupport", "The specified alb %s is not supported.");
    }

    /** Codes beyond the seed page that faults and other actions answer with: the HTTP status and the message. */
    private static final Map<String, Object[]> OTHERS = Map.ofEntries(
            Map.entry("Throttling.User", new Object[] {400, "Request was denied due to user flow control."}),
            Map.entry("Throttling.Api", new Object[] {400, "Request was denied due to api flow control."}),
            Map.entry("ServiceUnavailable", new Object[] {503, "The request has failed due to a temporary failure of the server."}),
            Map.entry("InternalError", new Object[] {500, "The request processing has failed due to some unknown error."}),
            Map.entry("SystemBusy", new Object[] {400, "System is busy. Please try again later."}),
            Map.entry("ConcurrentCallNotSupported", new Object[] {400, "The operation conflicts with other operations. Please try again later."}),
            Map.entry("IdempotenceProcessing", new Object[] {400, "The previous request is being processed."}),
            Map.entry("IdempotenceSignatureMismatch", new Object[] {400, "The specified ClientToken was used before with other parameters."}),
            Map.entry("EndpointNotFound", new Object[] {400, "The specified endpoint does not exist."}),
            Map.entry("EndpointLocked", new Object[] {400, "The specified endpoint is locked."}),
            Map.entry("DryRunOperation", new Object[] {400, "Request validation has been passed with DryRun flag set."}),
            Map.entry("IllegalParam.EndpointType", new Object[] {400, "The specified parameter EndpointType is invalid."}),
            Map.entry("MissingServiceId", new Object[] {400, "ServiceId or ServiceName is mandatory for this action."}),
            Map.entry("EndpointOperationDenied", new Object[] {400, "The specified operation of endpoint is not allowed: %s is %s."}),
            Map.entry("EndpointConnectionOperationDenied", new Object[] {400, "The specified operation of endpoint connection is not allowed."}),
            Map.entry("IncorrectStatus.VpcEndpointConnection", new Object[] {400, "The status of %s [%s] is incorrect."}),
            Map.entry("IncorrectStatus.VpcEndpointZone", new Object[] {400, "The status of %s [%s] is incorrect."}),
            Map.entry("ResourceNotFound.VpcEndpointZone", new Object[] {404, "The specified resource %s is not found."}),
            Map.entry("EndpointConnectionNotFound", new Object[] {400, "The specified endpoint connection does not exist."}),
            Map.entry("OperationDenied.NoAvailableServiceResource", new Object[] {400, "The endpoint service has no available resource in a zone of the endpoint."}),
            Map.entry("EndpointZoneNotFound", new Object[] {400, "The specified zone of the endpoint does not exist."}),
            Map.entry("IllegalParam.EndpointName", new Object[] {400, "The specified parameter EndpointName is invalid."}),
            Map.entry("IllegalParam.EndpointDescription", new Object[] {400, "The specified parameter EndpointDescription is invalid."}),
            Map.entry("OperationDenied.EndpointProtected", new Object[] {400, "The operation is not allowed because of EndpointProtected."}),
            Map.entry("InvalidParameter", new Object[] {400, "The specified %s is invalid%s."}),
            // The RPC gateway's own refusals, before any action runs.
            Map.entry("InvalidAction.NotFound", new Object[] {404, "Specified api is not found, please check your url and method."}),
            Map.entry("UnsupportedHTTPMethod", new Object[] {403, "This http method is not supported."}),
            Map.entry("MissingAction", new Object[] {400, "Action is mandatory for this request."}),
            Map.entry("InvalidVersion", new Object[] {400, "Specified parameter Version is not valid."}),
            Map.entry("InvalidAccessKeyId.NotFound", new Object[] {404, "Specified access key is not found."}),
            Map.entry("InvalidTimeStamp.Format", new Object[] {400, "Specified time stamp or date value is not well formatted."}),
            Map.entry("InvalidTimeStamp.Expired", new Object[] {400, "Specified time stamp or date value is expired."}),
            Map.entry("SignatureDoesNotMatch", new Object[] {400, "Specified signature is not matched with our calculation. server string to sign is:%s"}),
            Map.entry("SignatureNonceUsed", new Object[] {400, "Specified signature nonce was used already."}),
            Map.entry("IncompleteSignature", new Object[] {400, "The request signature does not conform to Aliyun standards. %s"}),
            Map.entry("MissingSecurityToken", new Object[] {400, "SecurityToken is mandatory for this action."}),
            Map.entry("InvalidSecurityToken.MismatchWithAccessKey", new Object[] {400, "The security token you provided does not match the access key."}),
            Map.entry("InvalidSecurityToken.Expired", new Object[] {400, "Specified SecurityToken is expired."}),
            Map.entry("EntityNotExist.Role", new Object[] {404, "The role not exists: %s."}),
            Map.entry("NoPermission", new Object[] {403, "You are not authorized to do this action. You should be authorized by RAM."}),
            Map.entry("InvalidParameter.RoleSessionName", new Object[] {400, "The parameter RoleSessionName is wrongly formed."}),
            Map.entry("InvalidParameter.DurationSeconds", new Object[] {400, "The Min/Max value of DurationSeconds is 15min/12hr."}));

    private SeedErrors() {
    }

    /** The error for a code, its message's %s filled in order; unknown codes are a 400 with a generic message. */
    public static SimulatorException of(String code, Object... details) {
        String message = CREATE_VPC_ENDPOINT.get(code);
        int status = 400;
        if (message == null && OTHERS.containsKey(code)) {
            status = (Integer) OTHERS.get(code)[0];
            message = (String) OTHERS.get(code)[1];
        }
        if (message == null) {
            message = "The request failed with " + code + ".";
        }
        if (message.contains("%s")) {
            Object[] filled = new Object[countPlaceholders(message)];
            for (int i = 0; i < filled.length; i++) {
                filled[i] = i < details.length ? details[i] : "-";
            }
            message = String.format(message, filled);
        }
        return new SimulatorException(status, code, message);
    }

    /** Missing&lt;Parameter&gt; for a required parameter left out, as the API names it. */
    public static SimulatorException missing(String parameter) {
        return new SimulatorException(400, "Missing" + parameter, parameter + " is mandatory for this action.");
    }

    private static int countPlaceholders(String message) {
        return message.split("%s", -1).length - 1;
    }
}
