package io.privatelink.provisioner.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The CreateVpcEndpoint parameters, as the API names them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateVpcEndpointRequest(
        @JsonProperty("RegionId") String regionId,
        @JsonProperty("VpcId") String vpcId,
        @JsonProperty("ServiceId") String serviceId,
        @JsonProperty("ServiceName") String serviceName,
        @JsonProperty("ServiceRegionId") String serviceRegionId,
        @JsonProperty("CrossRegionBandwidth") Integer crossRegionBandwidth,
        @JsonProperty("EndpointName") String endpointName,
        @JsonProperty("EndpointDescription") String endpointDescription,
        @JsonProperty("EndpointType") String endpointType,
        @JsonProperty("SecurityGroupId") List<String> securityGroupId,
        @JsonProperty("Zone") List<ZoneSpec> zone,
        @JsonProperty("ZonePrivateIpAddressCount") Long zonePrivateIpAddressCount,
        @JsonProperty("Tag") List<TagSpec> tag,
        @JsonProperty("ResourceGroupId") String resourceGroupId,
        @JsonProperty("PolicyDocument") String policyDocument,
        @JsonProperty("AddressIpVersion") String addressIpVersion,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled,
        @JsonProperty("ProtectedEnabled") Boolean protectedEnabled,
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneSpec(
            @JsonProperty("VSwitchId") String vSwitchId,
            @JsonProperty("ZoneId") String zoneId,
            @JsonProperty("ip") String ip,
            @JsonProperty("Ipv6Address") String ipv6Address) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TagSpec(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
    }

    public CreateVpcEndpointRequest withClientToken(String token) {
        return new CreateVpcEndpointRequest(regionId, vpcId, serviceId, serviceName, serviceRegionId,
                crossRegionBandwidth, endpointName, endpointDescription, endpointType, securityGroupId, zone,
                zonePrivateIpAddressCount, tag, resourceGroupId, policyDocument, addressIpVersion, zoneAffinityEnabled,
                protectedEnabled, token, dryRun);
    }

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * The API's flattened form (Zone.1.VSwitchId, SecurityGroupId.1, Tag.1.Key, booleans as true/false) of every
     * parameter the caller gave, sorted; ClientToken and DryRun are left to the caller of the cloud.
     */
    public Map<String, String> cloudParameters() {
        Map<String, String> p = new TreeMap<>();
        put(p, "RegionId", regionId);
        put(p, "VpcId", vpcId);
        put(p, "ServiceId", serviceId);
        put(p, "ServiceName", serviceName);
        put(p, "ServiceRegionId", serviceRegionId);
        put(p, "CrossRegionBandwidth", crossRegionBandwidth);
        put(p, "EndpointName", endpointName);
        put(p, "EndpointDescription", endpointDescription);
        put(p, "EndpointType", endpointType);
        put(p, "ZonePrivateIpAddressCount", zonePrivateIpAddressCount);
        put(p, "ResourceGroupId", resourceGroupId);
        put(p, "PolicyDocument", policyDocument);
        put(p, "AddressIpVersion", addressIpVersion);
        put(p, "ZoneAffinityEnabled", zoneAffinityEnabled);
        put(p, "ProtectedEnabled", protectedEnabled);
        if (securityGroupId != null) {
            for (int i = 0; i < securityGroupId.size(); i++) {
                put(p, "SecurityGroupId." + (i + 1), securityGroupId.get(i));
            }
        }
        if (zone != null) {
            for (int i = 0; i < zone.size(); i++) {
                ZoneSpec z = zone.get(i);
                String prefix = "Zone." + (i + 1) + ".";
                put(p, prefix + "VSwitchId", z.vSwitchId());
                put(p, prefix + "ZoneId", z.zoneId());
                put(p, prefix + "ip", z.ip());
                put(p, prefix + "Ipv6Address", z.ipv6Address());
            }
        }
        if (tag != null) {
            for (int i = 0; i < tag.size(); i++) {
                put(p, "Tag." + (i + 1) + ".Key", tag.get(i).key());
                put(p, "Tag." + (i + 1) + ".Value", tag.get(i).value());
            }
        }
        return p;
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }
}
