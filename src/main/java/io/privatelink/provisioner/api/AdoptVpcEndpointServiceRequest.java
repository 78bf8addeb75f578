package io.privatelink.provisioner.api;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** AdoptVpcEndpointService: a service made elsewhere, by RegionId and ServiceId, managed from now on as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdoptVpcEndpointServiceRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_REGION_ID)
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_SERVICE_ID)
        @JsonProperty("ServiceId") String serviceId,
        /** The account the service lives in (one the caller's tenant may use); the tenant's default otherwise. */
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
        @JsonProperty("NotifyOn") String notifyOn) implements ServiceRequest {

    @Override
    public AdoptVpcEndpointServiceRequest withClientToken(String token) {
        return new AdoptVpcEndpointServiceRequest(regionId, serviceId, account, token, dryRun, deadline,
                notificationUrl, notifyOn);
    }
}
