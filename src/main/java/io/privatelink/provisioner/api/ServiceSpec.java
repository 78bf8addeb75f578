package io.privatelink.provisioner.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the owner wants of a managed endpoint service: its attributes, its backend resources, the accounts allowed
 * to connect to it (beside the owner's own, which the cloud always lists), and how its connection requests are
 * decided. Null: not asked for, left as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpec(
        @JsonProperty("AutoAcceptEnabled") Boolean autoAcceptEnabled,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled,
        @JsonProperty("ServiceDescription") String serviceDescription,
        @JsonProperty("ConnectBandwidth") Integer connectBandwidth,
        @JsonProperty("Resource") List<ServiceResource> resource,
        @JsonProperty("User") List<String> user,
        @JsonProperty("AcceptancePolicy") AcceptancePolicy acceptancePolicy) {

    /** What an update wants: each parameter it gives replaces the desired one (a list replaces the whole list). */
    public ServiceSpec updatedBy(UpdateVpcEndpointServiceRequest r) {
        return new ServiceSpec(pick(r.autoAcceptEnabled(), autoAcceptEnabled),
                pick(r.zoneAffinityEnabled(), zoneAffinityEnabled), pick(r.serviceDescription(), serviceDescription),
                pick(r.connectBandwidth(), connectBandwidth), pick(r.resource(), resource), pick(r.user(), user),
                pick(r.acceptancePolicy(), acceptancePolicy));
    }

    private static <T> T pick(T given, T before) {
        return given != null ? given : before;
    }
}
