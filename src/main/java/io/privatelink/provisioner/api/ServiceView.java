package io.privatelink.provisioner.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A managed endpoint service as GetVpcEndpointService and ListVpcEndpointServices show it: what its owner wants
 * (Desired), what the cloud last showed (Observed at ObservedAt: its attributes, resources, allowed users and its
 * endpoints' connections), and the jobs that touched it, oldest first.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceView(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("ServiceId") String serviceId,
        @JsonProperty("Account") String account,
        @JsonProperty("RegionId") String regionId,
        @JsonProperty("Status") String status,
        @JsonProperty("Desired") @JsonRawValue String desired,
        @JsonProperty("Observed") @JsonRawValue String observed,
        @JsonProperty("ObservedAt") String observedAt,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("UpdatedAt") String updatedAt,
        @JsonProperty("Jobs") List<EndpointView.Job> jobs) {

    /** A page of ListVpcEndpointServices: newest first, and the token of the next page ("" at the end). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(@JsonProperty("RequestId") String requestId, @JsonProperty("MaxResults") int maxResults,
            @JsonProperty("NextToken") String nextToken, @JsonProperty("Services") List<ServiceView> services) {
    }
}
