package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GetVpcEndpoint's parameter, bound by Funqy from the query (EndpointId) or a JSON body. */
public class GetVpcEndpointRequest {

    private String endpointId;

    @JsonProperty("EndpointId")
    public String getEndpointId() {
        return endpointId;
    }

    @JsonProperty("EndpointId")
    public void setEndpointId(String endpointId) {
        this.endpointId = endpointId;
    }
}
