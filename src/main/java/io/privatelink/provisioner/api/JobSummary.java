package io.privatelink.provisioner.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of ListVpcEndpointJobs: the jobs newest first, and the token of the next page ("" at the end). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobSummary(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("MaxResults") int maxResults,
        @JsonProperty("NextToken") String nextToken,
        @JsonProperty("Jobs") List<Item> jobs,
        /** Jobs by status among the caller's (an auditor's: everyone's), on the first page only; null on the others. */
        @JsonProperty("Counts") java.util.Map<String, Long> counts) {

    /** One job in a list: what a table of jobs shows. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(
            @JsonProperty("JobId") String jobId,
            @JsonProperty("Action") String action,
            @JsonProperty("Account") String account,
            @JsonProperty("JobStatus") String jobStatus,
            @JsonProperty("ClientToken") String clientToken,
            @JsonProperty("RegionId") String regionId,
            @JsonProperty("VpcId") String vpcId,
            @JsonProperty("EndpointId") String endpointId,
            @JsonProperty("Attempts") int attempts,
            @JsonProperty("CreatedAt") String createdAt,
            @JsonProperty("UpdatedAt") String updatedAt,
            @JsonProperty("Error") JobView.Error error) {
    }
}
