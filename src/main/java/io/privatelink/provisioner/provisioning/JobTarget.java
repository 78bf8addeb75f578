package io.privatelink.provisioner.provisioning;

import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * What a job acts on, as its admission found it: the key its endpoint's operations share (null for a create), the
 * account and region, the VPC (a create's), the endpoint (where known), the job that made it and what is known of it.
 */
public record JobTarget(String resourceKey, String account, String regionId, String vpcId, String endpointId,
        VpcEndpointJob root, ManagedEndpoint managed) {

    /** A new endpoint, in the VPC the request names. */
    static JobTarget newEndpoint(String account, String regionId, String vpcId) {
        return new JobTarget(null, account, regionId, vpcId, null, null, null);
    }

    /** An endpoint no job of this service made, to be brought in. */
    static JobTarget unmanaged(String account, String regionId, String endpointId) {
        return new JobTarget(null, account, regionId, "", endpointId, null, null);
    }
}
