package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The filters and paging of ListVpcEndpointJobs. Setters, because Funqy binds query parameters through them. */
public class ListVpcEndpointJobsRequest {

    private String jobStatus;
    private String vpcId;
    private String regionId;
    private String code;
    private String createdAfter;
    private String createdBefore;
    private String maxResults;
    private String nextToken;

    @JsonProperty("JobStatus")
    public String getJobStatus() {
        return jobStatus;
    }

    @JsonProperty("JobStatus")
    public void setJobStatus(String jobStatus) {
        this.jobStatus = jobStatus;
    }

    @JsonProperty("VpcId")
    public String getVpcId() {
        return vpcId;
    }

    @JsonProperty("VpcId")
    public void setVpcId(String vpcId) {
        this.vpcId = vpcId;
    }

    @JsonProperty("RegionId")
    public String getRegionId() {
        return regionId;
    }

    @JsonProperty("RegionId")
    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    @JsonProperty("Code")
    public String getCode() {
        return code;
    }

    @JsonProperty("Code")
    public void setCode(String code) {
        this.code = code;
    }

    @JsonProperty("CreatedAfter")
    public String getCreatedAfter() {
        return createdAfter;
    }

    @JsonProperty("CreatedAfter")
    public void setCreatedAfter(String createdAfter) {
        this.createdAfter = createdAfter;
    }

    @JsonProperty("CreatedBefore")
    public String getCreatedBefore() {
        return createdBefore;
    }

    @JsonProperty("CreatedBefore")
    public void setCreatedBefore(String createdBefore) {
        this.createdBefore = createdBefore;
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
