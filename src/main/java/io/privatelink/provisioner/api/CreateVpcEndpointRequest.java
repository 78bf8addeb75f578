package io.privatelink.provisioner.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The CreateVpcEndpoint parameters, as the API names them. Each parameter's own form is declared here (the
 * constraint's message is the error code); rules across parameters are in {@link RequestValidator}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateVpcEndpointRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.RegionId")
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.VpcId")
        @JsonProperty("VpcId") String vpcId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.ServiceId")
        @JsonProperty("ServiceId") String serviceId,
        @Pattern(regexp = ParameterForms.SERVICE_NAME, message = "IllegalParam.ServiceName")
        @JsonProperty("ServiceName") String serviceName,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.ServiceRegionId")
        @JsonProperty("ServiceRegionId") String serviceRegionId,
        @Min(value = 100, message = "IllegalParam.CrossRegionBandwidth")
        @JsonProperty("CrossRegionBandwidth") Integer crossRegionBandwidth,
        @Size(min = 2, max = 128, message = "IllegalParam.EndpointName")
        @Pattern(regexp = "[A-Za-z\\p{IsHan}][A-Za-z\\p{IsHan}0-9_-]*", message = "IllegalParam.EndpointName")
        @JsonProperty("EndpointName") String endpointName,
        @Size(min = 2, max = 256, message = "IllegalParam.EndpointDescription")
        @Pattern(regexp = "(?s)(?!https?://)" + ParameterForms.TEXT, message = "IllegalParam.EndpointDescription")
        @JsonProperty("EndpointDescription") String endpointDescription,
        @Pattern(regexp = "Interface|Reverse|GatewayLoadBalancer", message = "IllegalParam.EndpointType")
        @JsonProperty("EndpointType") String endpointType,
        @Size(max = 10, message = "IllegalParam.SecurityGroupId")
        @JsonProperty("SecurityGroupId") List<@NotNull(message = "IllegalParam.SecurityGroupId")
                @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.SecurityGroupId") String> securityGroupId,
        @Size(max = 10, message = "IllegalParam.Zone")
        @JsonProperty("Zone") List<@NotNull(message = "IllegalParam.Zone") @Valid ZoneSpec> zone,
        @Min(value = 1, message = "IllegalParam.ZonePrivateIpAddressCount")
        @Max(value = 1, message = "IllegalParam.ZonePrivateIpAddressCount")
        @JsonProperty("ZonePrivateIpAddressCount") Long zonePrivateIpAddressCount,
        @Size(max = 20, message = "IllegalParam.Tag")
        @JsonProperty("Tag") List<@NotNull(message = "IllegalParam.Tag") @Valid TagSpec> tag,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.ResourceGroupId")
        @JsonProperty("ResourceGroupId") String resourceGroupId,
        @JsonProperty("PolicyDocument") String policyDocument,
        @Pattern(regexp = "IPv4|DualStack", message = "IllegalParam.AddressIpVersion")
        @JsonProperty("AddressIpVersion") String addressIpVersion,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled,
        @JsonProperty("ProtectedEnabled") Boolean protectedEnabled,
        @Pattern(regexp = ParameterForms.CLIENT_TOKEN, message = "IllegalParam.ClientToken")
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun,
        /** Seconds from acceptance within which the endpoint must be Active; the service's deadlines otherwise. */
        @DeadlineSeconds
        @JsonProperty("Deadline") Integer deadline,
        /** Endpoint: done once the endpoint is Active; Connection (the default): once its connection is Connected. */
        @Pattern(regexp = ParameterForms.WAIT_FOR, message = ApiErrors.ILLEGAL_WAIT_FOR)
        @JsonProperty("WaitFor") String waitFor,
        /** Seconds the job may wait for the service's owner to accept its connection; the service's default else. */
        @Min(value = ParameterForms.MIN_DEADLINE, message = ApiErrors.ILLEGAL_ACCEPTANCE_DEADLINE)
        @Max(value = ParameterForms.MAX_ACCEPTANCE_DEADLINE, message = ApiErrors.ILLEGAL_ACCEPTANCE_DEADLINE)
        @JsonProperty("AcceptanceDeadline") Integer acceptanceDeadline,
        /** The account to create it in (one the caller's tenant may use); the tenant's default otherwise. */
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ACCOUNT)
        @JsonProperty("Account") String account,
        /** Where the job's events are POSTed, signed (the tenant's default URL otherwise, if it has one). */
        @NotificationUrlForm
        @JsonProperty("NotificationUrl") String notificationUrl,
        @NotifyOnForm
        @JsonProperty("NotifyOn") String notifyOn) implements JobRequest {

    /** A tag key or value may neither start with aliyun or acs: nor hold a URL (nor a control character). */
    private static final String TAG_TEXT = "(?s)(?!aliyun|acs:)(?!.*https?://)" + ParameterForms.TEXT;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneSpec(
            @NotNull(message = "IllegalParam.Zone") @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.Zone")
            @JsonProperty("VSwitchId") String vSwitchId,
            @NotNull(message = "IllegalParam.Zone") @Pattern(regexp = ParameterForms.RESOURCE_ID, message = "IllegalParam.Zone")
            @JsonProperty("ZoneId") String zoneId,
            @Pattern(regexp = Addresses.IPV4, message = "IllegalParam.Ip") @JsonProperty("ip") String ip,
            @Size(max = 45, message = "IllegalParam.Ipv6Address") @JsonProperty("Ipv6Address") String ipv6Address) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TagSpec(
            @NotBlank(message = "IllegalParam.Tag") @Size(max = 64, message = "IllegalParam.Tag")
            @Pattern(regexp = TAG_TEXT, message = "IllegalParam.Tag") @JsonProperty("Key") String key,
            @Size(max = 128, message = "IllegalParam.Tag")
            @Pattern(regexp = TAG_TEXT, message = "IllegalParam.Tag") @JsonProperty("Value") String value) {
    }

    @Override
    public CreateVpcEndpointRequest withClientToken(String token) {
        return new CreateVpcEndpointRequest(regionId, vpcId, serviceId, serviceName, serviceRegionId,
                crossRegionBandwidth, endpointName, endpointDescription, endpointType, securityGroupId, zone,
                zonePrivateIpAddressCount, tag, resourceGroupId, policyDocument, addressIpVersion, zoneAffinityEnabled,
                protectedEnabled, token, dryRun, deadline, waitFor, acceptanceDeadline, account, notificationUrl,
                notifyOn);
    }

    /** Whether the job waits for the connection to be Connected (the default), not only for the endpoint. */
    public boolean waitsForConnection() {
        return !ParameterForms.WAIT_FOR_ENDPOINT.equals(waitFor);
    }

    @Override
    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * The API's flattened form (Zone.1.VSwitchId, SecurityGroupId.1, Tag.1.Key, booleans as true/false) of every
     * parameter the caller gave, sorted; ClientToken and DryRun are left to the caller of the cloud, and Deadline is
     * the service's own.
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
