package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ListVpcEndpoints' filters and paging, bound by Funqy from the query or a JSON body. */
public class ListVpcEndpointsRequest extends PageRequest {

    private String status;
    private String regionId;

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
}
