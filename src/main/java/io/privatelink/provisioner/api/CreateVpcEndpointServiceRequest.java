package io.privatelink.provisioner.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * CreateVpcEndpointService: a new endpoint service in the account the request names (or the tenant's default), with
 * its backend resources, attributes and allowed users; the job ends when the service is Active and as asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateVpcEndpointServiceRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_REGION_ID)
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.SERVICE_RESOURCE_TYPE, message = ApiErrors.ILLEGAL_SERVICE_RESOURCE_TYPE)
        @JsonProperty("ServiceResourceType") String serviceResourceType,
        @Size(max = ParameterForms.MAX_RESOURCES_AT_CREATION, message = ApiErrors.ILLEGAL_RESOURCE)
        @JsonProperty("Resource") List<@NotNull(message = ApiErrors.ILLEGAL_RESOURCE) @Valid ServiceResource> resource,
        @Size(max = ParameterForms.MAX_SERVICE_USERS, message = ApiErrors.ILLEGAL_USER)
        @JsonProperty("User") List<@NotNull(message = ApiErrors.ILLEGAL_USER)
                @Pattern(regexp = ParameterForms.ACCOUNT_ID, message = ApiErrors.ILLEGAL_USER) String> user,
        @JsonProperty("AutoAcceptEnabled") Boolean autoAcceptEnabled,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled,
        @JsonProperty("ServiceSupportIPv6") Boolean serviceSupportIPv6,
        @Pattern(regexp = ParameterForms.ADDRESS_IP_VERSION, message = ApiErrors.ILLEGAL_ADDRESS_IP_VERSION)
        @JsonProperty("AddressIpVersion") String addressIpVersion,
        @Pattern(regexp = ParameterForms.PAYER, message = ApiErrors.ILLEGAL_PAYER)
        @JsonProperty("Payer") String payer,
        @Size(max = ParameterForms.MAX_SERVICE_DESCRIPTION, message = ApiErrors.ILLEGAL_SERVICE_DESCRIPTION)
        @Pattern(regexp = ParameterForms.TEXT, message = ApiErrors.ILLEGAL_SERVICE_DESCRIPTION)
        @JsonProperty("ServiceDescription") String serviceDescription,
        @Min(value = ParameterForms.MIN_CONNECT_BANDWIDTH, message = ApiErrors.ILLEGAL_CONNECT_BANDWIDTH)
        @Max(value = ParameterForms.MAX_CONNECT_BANDWIDTH, message = ApiErrors.ILLEGAL_CONNECT_BANDWIDTH)
        @JsonProperty("ConnectBandwidth") Integer connectBandwidth,
        @Valid
        @JsonProperty("AcceptancePolicy") AcceptancePolicy acceptancePolicy,
        /** The account the service is made in (one the caller's tenant may use); the tenant's default otherwise. */
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ACCOUNT)
        @JsonProperty("Account") String account,
        @Pattern(regexp = ParameterForms.CLIENT_TOKEN, message = ApiErrors.ILLEGAL_CLIENT_TOKEN)
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun,
        @DeadlineSeconds
        @JsonProperty("Deadline") Integer deadline,
        @NotificationUrlForm
        @JsonProperty("NotificationUrl") String notificationUrl,
        @NotifyOnForm
        @JsonProperty("NotifyOn") String notifyOn) implements JobRequest {

    @Override
    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    @Override
    public CreateVpcEndpointServiceRequest withClientToken(String token) {
        return new CreateVpcEndpointServiceRequest(regionId, serviceResourceType, resource, user, autoAcceptEnabled,
                zoneAffinityEnabled, serviceSupportIPv6, addressIpVersion, payer, serviceDescription, connectBandwidth,
                acceptancePolicy, account, token, dryRun, deadline, notificationUrl, notifyOn);
    }

    /** What the owner wants of the service once made. */
    public ServiceSpec spec() {
        return new ServiceSpec(autoAcceptEnabled, zoneAffinityEnabled, serviceDescription, connectBandwidth, resource,
                user, acceptancePolicy);
    }

    /**
     * CreateVpcEndpointService's parameters, flattened as the RPC API takes them; the allowed users and the bandwidth
     * are the job's later steps (the API takes them only from other actions).
     */
    public Map<String, String> toApiParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "RegionId", regionId);
        put(p, "ServiceResourceType", serviceResourceType);
        put(p, "AutoAcceptEnabled", autoAcceptEnabled);
        put(p, "ZoneAffinityEnabled", zoneAffinityEnabled);
        put(p, "ServiceSupportIPv6", serviceSupportIPv6);
        put(p, "AddressIpVersion", addressIpVersion);
        put(p, "Payer", payer);
        put(p, "ServiceDescription", serviceDescription);
        if (resource != null) {
            for (int i = 0; i < resource.size(); i++) {
                String prefix = "Resource." + (i + 1) + ".";
                resource.get(i).parameters().forEach((name, value) -> p.put(prefix + name, value));
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
