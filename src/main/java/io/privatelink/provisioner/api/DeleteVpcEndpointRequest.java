package io.privatelink.provisioner.api;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** DeleteVpcEndpoint: the endpoint by EndpointId (RegionId optional), or by the JobId of the job that made it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteVpcEndpointRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_REGION_ID)
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ENDPOINT_ID)
        @JsonProperty("EndpointId") String endpointId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_JOB_ID)
        @JsonProperty("JobId") String jobId,
        @Pattern(regexp = ParameterForms.CLIENT_TOKEN, message = ApiErrors.ILLEGAL_CLIENT_TOKEN)
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun,
        @DeadlineSeconds
        @JsonProperty("Deadline") Integer deadline,
        /** Where the job's events are POSTed, signed (the tenant's default URL otherwise, if it has one). */
        @NotificationUrlForm
        @JsonProperty("NotificationUrl") String notificationUrl,
        @NotifyOnForm
        @JsonProperty("NotifyOn") String notifyOn) implements OperationRequest {

    @Override
    public DeleteVpcEndpointRequest withClientToken(String token) {
        return new DeleteVpcEndpointRequest(regionId, endpointId, jobId, token, dryRun, deadline, notificationUrl, notifyOn);
    }
}
