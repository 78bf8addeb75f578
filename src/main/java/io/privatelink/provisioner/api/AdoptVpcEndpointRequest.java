package io.privatelink.provisioner.api;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** AdoptVpcEndpoint: an endpoint made elsewhere, by RegionId and EndpointId, to be managed from now on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdoptVpcEndpointRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_REGION_ID)
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ENDPOINT_ID)
        @JsonProperty("EndpointId") String endpointId,
        @Pattern(regexp = ParameterForms.CLIENT_TOKEN, message = ApiErrors.ILLEGAL_CLIENT_TOKEN)
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun,
        @DeadlineSeconds
        @JsonProperty("Deadline") Integer deadline,
        /** The account the endpoint lives in (one the caller's tenant may use); the tenant's default otherwise. */
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ACCOUNT)
        @JsonProperty("Account") String account,
        /** Where the job's events are POSTed, signed (the tenant's default URL otherwise, if it has one). */
        @NotificationUrlForm
        @JsonProperty("NotificationUrl") String notificationUrl,
        @NotifyOnForm
        @JsonProperty("NotifyOn") String notifyOn) implements OperationRequest {

    @Override
    public String jobId() {
        return null;
    }

    @Override
    public AdoptVpcEndpointRequest withClientToken(String token) {
        return new AdoptVpcEndpointRequest(regionId, endpointId, token, dryRun, deadline, account, notificationUrl, notifyOn);
    }
}
