package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to an accepted request: where its job can be followed. */
public record CreateVpcEndpointResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("JobId") String jobId,
        @JsonProperty("JobStatus") String jobStatus,
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("StatusUrl") String statusUrl) {

    public static String statusUrl(String jobId) {
        return "/GetVpcEndpointJob?JobId=" + jobId;
    }
}
