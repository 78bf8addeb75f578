package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The filters and paging of ListVpcEndpointJobs. Setters, because Funqy binds query parameters through them. */
public class ListVpcEndpointJobsRequest extends PageRequest {

    private String jobStatus;
    private String vpcId;
    private String regionId;
    private String code;
    private String createdAfter;
    private String createdBefore;

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
}
