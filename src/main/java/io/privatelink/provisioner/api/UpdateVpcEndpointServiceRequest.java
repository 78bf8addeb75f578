package io.privatelink.provisioner.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * UpdateVpcEndpointService: what a managed service should be from now on. A parameter left out keeps its desired
 * value; a list given replaces the list (all the resources, all the allowed accounts); with none, the service is put
 * back as desired. Applied one API call at a time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateVpcEndpointServiceRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_SERVICE_ID)
        @JsonProperty("ServiceId") String serviceId,
        @Size(max = ParameterForms.MAX_SERVICE_RESOURCES, message = ApiErrors.ILLEGAL_RESOURCE)
        @JsonProperty("Resource") List<@NotNull(message = ApiErrors.ILLEGAL_RESOURCE) @Valid ServiceResource> resource,
        @Size(max = ParameterForms.MAX_SERVICE_USERS, message = ApiErrors.ILLEGAL_USER)
        @JsonProperty("User") List<@NotNull(message = ApiErrors.ILLEGAL_USER)
                @Pattern(regexp = ParameterForms.ACCOUNT_ID, message = ApiErrors.ILLEGAL_USER) String> user,
        @JsonProperty("AutoAcceptEnabled") Boolean autoAcceptEnabled,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled,
        @Size(max = ParameterForms.MAX_SERVICE_DESCRIPTION, message = ApiErrors.ILLEGAL_SERVICE_DESCRIPTION)
        @Pattern(regexp = ParameterForms.TEXT, message = ApiErrors.ILLEGAL_SERVICE_DESCRIPTION)
        @JsonProperty("ServiceDescription") String serviceDescription,
        @Min(value = ParameterForms.MIN_CONNECT_BANDWIDTH, message = ApiErrors.ILLEGAL_CONNECT_BANDWIDTH)
        @Max(value = ParameterForms.MAX_CONNECT_BANDWIDTH, message = ApiErrors.ILLEGAL_CONNECT_BANDWIDTH)
        @JsonProperty("ConnectBandwidth") Integer connectBandwidth,
        @Valid
        @JsonProperty("AcceptancePolicy") AcceptancePolicy acceptancePolicy,
        @Pattern(regexp = ParameterForms.CLIENT_TOKEN, message = ApiErrors.ILLEGAL_CLIENT_TOKEN)
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun,
        @DeadlineSeconds
        @JsonProperty("Deadline") Integer deadline,
        @NotificationUrlForm
        @JsonProperty("NotificationUrl") String notificationUrl,
        @NotifyOnForm
        @JsonProperty("NotifyOn") String notifyOn) implements ServiceRequest {

    @Override
    public UpdateVpcEndpointServiceRequest withClientToken(String token) {
        return new UpdateVpcEndpointServiceRequest(serviceId, resource, user, autoAcceptEnabled, zoneAffinityEnabled,
                serviceDescription, connectBandwidth, acceptancePolicy, token, dryRun, deadline, notificationUrl, notifyOn);
    }
}
