package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GetVpcEndpointService's parameter, bound by Funqy from the query (ServiceId) or a JSON body. */
public class GetVpcEndpointServiceRequest {

    private String serviceId;

    @JsonProperty("ServiceId")
    public String getServiceId() {
        return serviceId;
    }

    @JsonProperty("ServiceId")
    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }
}
