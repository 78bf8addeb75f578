package io.privatelink.provisioner.api;

/** ListVpcEndpointServices' filters (Status, RegionId) and paging, as ListVpcEndpoints takes them. */
public class ListVpcEndpointServicesRequest extends ListVpcEndpointsRequest {
}
