package io.privatelink.provisioner.cloud;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The cloud as the job logic sees it: create an endpoint and observe it. Answers are the API's response fields;
 * failures are {@link CloudException}s.
 */
public interface PrivateLinkClient {

    /** CreateVpcEndpoint with the flattened parameters and the job's ClientToken. */
    Uni<Map<String, Object>> createVpcEndpoint(Map<String, String> parameters, String clientToken, boolean dryRun);

    /** GetVpcEndpointAttribute. */
    Uni<Map<String, Object>> getVpcEndpointAttribute(String regionId, String endpointId);
}
