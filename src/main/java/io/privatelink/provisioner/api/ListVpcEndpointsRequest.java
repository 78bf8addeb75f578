package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** ListVpcEndpoints' filters and paging, bound by Funqy from the query or a JSON body. */
public class ListVpcEndpointsRequest {

    private String status;
    private String regionId;
    private String maxResults;
    private String nextToken;

    @JsonProperty("Status")
    public String getStatus() {
        return status;
    }

    @JsonProperty("Status")
    public void setStatus(String status) {
        this.status = status;
    }

    @JsonProperty("RegionId")
    public String getRegionId() {
        return regionId;
    }

    @JsonProperty("RegionId")
    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    @JsonProperty("MaxResults")
    public String getMaxResults() {
        return maxResults;
    }

    @JsonProperty("MaxResults")
    @JsonDeserialize(using = NumberOrText.class)
    public void setMaxResults(String maxResults) {
        this.maxResults = maxResults;
    }

    @JsonProperty("NextToken")
    public String getNextToken() {
        return nextToken;
    }

    @JsonProperty("NextToken")
    public void setNextToken(String nextToken) {
        this.nextToken = nextToken;
    }
}
