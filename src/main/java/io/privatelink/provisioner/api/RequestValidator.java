package io.privatelink.provisioner.api;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.TagSpec;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;

/**
 * Checks a CreateVpcEndpoint request before anything is recorded: the required parameters, then each parameter's
 * declared form (its constraint annotations, read by {@link ParameterConstraints}), then the rules across parameters in the table
 * below. The first broken rule, in that order, is the answer.
 */
@ApplicationScoped
public class RequestValidator {

    /** A rule across parameters: the code it answers with, and when the request breaks it. */
    private record Rule(String code, Predicate<CreateVpcEndpointRequest> broken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POLICY_MAX_BYTES = 8 * 1024;

    private static final List<Rule> CROSS_PARAMETER_RULES = List.of(
            new Rule(ApiErrors.ZONE_DUPLICATED, r -> hasDuplicate(zones(r).stream().map(ZoneSpec::zoneId).toList())),
            new Rule(ApiErrors.ILLEGAL_IPV6, r -> zones(r).stream()
                    .anyMatch(z -> z.ipv6Address() != null && !Addresses.isIpv6(z.ipv6Address()))),
            new Rule(ApiErrors.IPV6_NEEDS_DUALSTACK, r -> !"DualStack".equals(r.addressIpVersion())
                    && zones(r).stream().anyMatch(z -> z.ipv6Address() != null)),
            new Rule(ApiErrors.TYPE_NOT_DUALSTACK, r -> "DualStack".equals(r.addressIpVersion())
                    && "Reverse".equals(r.endpointType())),
            new Rule(ApiErrors.ILLEGAL_SECURITY_GROUP, r -> r.securityGroupId() != null
                    && hasDuplicate(r.securityGroupId())),
            new Rule(ApiErrors.GWLB_NO_SECURITY_GROUP, r -> "GatewayLoadBalancer".equals(r.endpointType())
                    && r.securityGroupId() != null && !r.securityGroupId().isEmpty()),
            new Rule(ApiErrors.ILLEGAL_TAG, r -> r.tag() != null
                    && hasDuplicate(r.tag().stream().map(TagSpec::key).toList())),
            new Rule(ApiErrors.ILLEGAL_POLICY, r -> r.policyDocument() != null && !isPolicy(r.policyDocument())));

    /** Throws the first rule the request breaks. */
    public void validate(CreateVpcEndpointRequest r) {
        if (blank(r.regionId())) {
            throw ApiErrors.missing("RegionId", "RegionId is mandatory for this action.");
        }
        if (blank(r.vpcId())) {
            throw ApiErrors.missing("VpcId", "VpcId is mandatory for this action.");
        }
        if (blank(r.serviceId()) && blank(r.serviceName())) {
            throw ApiErrors.missing("ServiceId", "ServiceId or ServiceName is mandatory for this action: give either.");
        }
        validateShared(r);
    }

    /**
     * The rules of the parameters an update shares with a create (each parameter's form, then the rules across
     * them), for a request in a create's shape; no parameter is required here.
     */
    public void validateShared(CreateVpcEndpointRequest r) {
        formsOf(r);
        for (Rule rule : CROSS_PARAMETER_RULES) {
            if (rule.broken().test(r)) {
                throw ApiErrors.rule(rule.code());
            }
        }
    }

    /**
     * An operation's own parameters: the endpoint it names (an EndpointId, or for delete and update the JobId of the
     * job that made it), then each parameter's form.
     */
    public void validateOperation(OperationRequest r, boolean byJobId) {
        if (blank(r.endpointId()) && (!byJobId || blank(r.jobId()))) {
            throw ApiErrors.missing("EndpointId", byJobId
                    ? "EndpointId, or the JobId of the job that made the endpoint, is mandatory for this action."
                    : "EndpointId is mandatory for this action.");
        }
        if (!byJobId && blank(r.regionId())) {
            throw ApiErrors.missing("RegionId", "RegionId is mandatory for this action.");
        }
        formsOf((Record) r);
    }

    /** A parameter the action requires: Missing&lt;name&gt; when it is absent or blank. */
    public static void require(String name, String value) {
        if (blank(value)) {
            throw ApiErrors.missing(name, name + " is mandatory for this action.");
        }
    }

    /**
     * A request on an endpoint service (its required parameters checked before): each parameter's form, then its
     * resources (no ResourceId twice, a zone for every type but slb) and allowed accounts (none twice).
     */
    public void validateService(Record r, List<ServiceResource> resources, List<String> users) {
        formsOf(r);
        if (resources != null && (hasDuplicate(resources.stream().map(ServiceResource::resourceId).toList())
                || !resources.stream().allMatch(ServiceResource::hasNeededZone))) {
            throw ApiErrors.rule(ApiErrors.ILLEGAL_RESOURCE);
        }
        if (users != null && hasDuplicate(users)) {
            throw ApiErrors.rule(ApiErrors.ILLEGAL_USER);
        }
    }

    /** Each parameter's form, in the order the request's record declares them. */
    private void formsOf(Record r) {
        ParameterConstraints.firstBroken(r).ifPresent(code -> {
            throw ApiErrors.rule(code);
        });
    }

    private static List<ZoneSpec> zones(CreateVpcEndpointRequest r) {
        return r.zone() == null ? List.of() : r.zone().stream().filter(Objects::nonNull).toList();
    }

    private static boolean hasDuplicate(List<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream().filter(Objects::nonNull).anyMatch(v -> !seen.add(v));
    }

    private static boolean isPolicy(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > POLICY_MAX_BYTES) {
            return false;
        }
        try {
            JsonNode policy = JSON.readTree(text);
            return policy != null && policy.isObject() && policy.hasNonNull("Version")
                    && policy.path("Statement").isArray() && !policy.path("Statement").isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
