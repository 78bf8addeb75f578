package io.privatelink.provisioner.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * AcceptVpcEndpointConnection and RejectVpcEndpointConnection: the service's owner decides on one endpoint's
 * connection to one of its services (in the account it names, or its tenant's default), and may say why; the decision
 * and the reason stay in the job's history. Bandwidth (Mbit/s) is an acceptance's only; ZoneId narrows the decision to
 * those zones (an acceptance connects the connection, then each zone; a rejection disconnects each zone alone).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionDecisionRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_REGION_ID)
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_SERVICE_ID)
        @JsonProperty("ServiceId") String serviceId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ENDPOINT_ID)
        @JsonProperty("EndpointId") String endpointId,
        @Min(value = ParameterForms.MIN_CONNECTION_BANDWIDTH, message = ApiErrors.ILLEGAL_CONNECTION_BANDWIDTH)
        @Max(value = ParameterForms.MAX_CONNECTION_BANDWIDTH, message = ApiErrors.ILLEGAL_CONNECTION_BANDWIDTH)
        @JsonProperty("Bandwidth") Integer bandwidth,
        /** The zones decided on, each alone (the whole connection when absent). */
        @Size(max = 10, message = ApiErrors.ILLEGAL_ZONE_ID)
        @JsonProperty("ZoneId") List<@NotNull(message = ApiErrors.ILLEGAL_ZONE_ID)
                @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ZONE_ID) String> zoneId,
        @Size(max = ParameterForms.MAX_REASON, message = ApiErrors.ILLEGAL_REASON)
        @Pattern(regexp = ParameterForms.TEXT, message = ApiErrors.ILLEGAL_REASON)
        @JsonProperty("Reason") String reason,
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
        @JsonProperty("NotifyOn") String notifyOn) implements OperationRequest {

    @Override
    public String jobId() {
        return null;
    }

    @Override
    public ConnectionDecisionRequest withClientToken(String token) {
        return new ConnectionDecisionRequest(regionId, serviceId, endpointId, bandwidth, zoneId, reason, account, token,
                dryRun, deadline, notificationUrl, notifyOn);
    }

    /** The zones decided on; empty for the whole connection. */
    public List<String> zones() {
        return zoneId == null ? List.of() : zoneId;
    }
}
