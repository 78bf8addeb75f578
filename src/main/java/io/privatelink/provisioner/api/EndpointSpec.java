package io.privatelink.provisioner.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;

/**
 * What an endpoint's owner wants of it, in the attributes that can change in place: its security groups, zones, name,
 * description, policy and zone affinity. A null attribute is one the owner never set (the cloud's is kept).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointSpec(
        @JsonProperty("SecurityGroupId") List<String> securityGroupId,
        @JsonProperty("Zone") List<ZoneSpec> zone,
        @JsonProperty("EndpointName") String endpointName,
        @JsonProperty("EndpointDescription") String endpointDescription,
        @JsonProperty("PolicyDocument") String policyDocument,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled) {

    public static EndpointSpec of(CreateVpcEndpointRequest r) {
        return new EndpointSpec(r.securityGroupId(), r.zone(), r.endpointName(), r.endpointDescription(),
                r.policyDocument(), r.zoneAffinityEnabled());
    }

    /** This spec with what the update gives in place of what it had. */
    public EndpointSpec updatedBy(UpdateVpcEndpointRequest u) {
        return new EndpointSpec(
                u.securityGroupId() != null ? u.securityGroupId() : securityGroupId,
                u.zone() != null ? u.zone() : zone,
                u.endpointName() != null ? u.endpointName() : endpointName,
                u.endpointDescription() != null ? u.endpointDescription() : endpointDescription,
                u.policyDocument() != null ? u.policyDocument() : policyDocument,
                u.zoneAffinityEnabled() != null ? u.zoneAffinityEnabled() : zoneAffinityEnabled);
    }
}
