package io.privatelink.provisioner.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A managed endpoint as GetVpcEndpoint and ListVpcEndpoints show it (and as its drifted and gone events carry it):
 * what its owner wants (Desired), what the cloud last showed (Observed, at ObservedAt), how they differ (Drift, null
 * when they agree), and the jobs that touched it, oldest first.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EndpointView(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("EndpointId") String endpointId,
        @JsonProperty("Account") String account,
        @JsonProperty("RegionId") String regionId,
        @JsonProperty("Status") String status,
        @JsonProperty("Desired") @JsonRawValue String desired,
        @JsonProperty("Observed") @JsonRawValue String observed,
        @JsonProperty("ObservedAt") String observedAt,
        @JsonProperty("Drift") @JsonRawValue String drift,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("UpdatedAt") String updatedAt,
        @JsonProperty("Jobs") List<Job> jobs) {

    /** A job that touched the endpoint. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Job(@JsonProperty("JobId") String jobId, @JsonProperty("Action") String action,
            @JsonProperty("JobStatus") String jobStatus, @JsonProperty("CreatedAt") String createdAt,
            @JsonProperty("UpdatedAt") String updatedAt) {
    }

    /** A page of ListVpcEndpoints: the endpoints newest first, and the token of the next page ("" at the end). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(@JsonProperty("RequestId") String requestId, @JsonProperty("MaxResults") int maxResults,
            @JsonProperty("NextToken") String nextToken, @JsonProperty("Endpoints") List<EndpointView> endpoints,
            @JsonProperty("Counts") Map<String, Long> counts) {
    }
}
