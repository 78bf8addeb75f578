package io.privatelink.provisioner.api;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** CancelVpcEndpointJob: the job to stop before it reaches the cloud. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelVpcEndpointJobRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_JOB_ID)
        @JsonProperty("JobId") String jobId,
        @JsonProperty("DryRun") Boolean dryRun) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
