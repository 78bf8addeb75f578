package io.privatelink.provisioner.api;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * DeleteVpcEndpointService: a managed service goes, its resources detached first. While endpoints are connected the
 * job waits for them to go (until its deadline: EndpointServiceConnectionDependence), or, with DisableConnections,
 * disconnects them first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteVpcEndpointServiceRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_SERVICE_ID)
        @JsonProperty("ServiceId") String serviceId,
        @JsonProperty("DisableConnections") Boolean disableConnections,
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
    public DeleteVpcEndpointServiceRequest withClientToken(String token) {
        return new DeleteVpcEndpointServiceRequest(serviceId, disableConnections, token, dryRun, deadline,
                notificationUrl, notifyOn);
    }
}
