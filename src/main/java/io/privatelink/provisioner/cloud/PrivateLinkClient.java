package io.privatelink.provisioner.cloud;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The cloud as the job logic sees it, in the manner of Crossplane's external client: typed answers per action. A
 * call that got no usable answer fails with a {@link CloudException} (its code in {@link CloudErrors}).
 */
public interface PrivateLinkClient {

    /** The actions of {@link #create} and {@link #observe}, as {@link #backlog} names them. */
    String CREATE = "CreateVpcEndpoint";
    String OBSERVE = "GetVpcEndpointAttribute";

    /** How long a call of {@code action} made now would wait for its slot under this account's pacing. */
    java.time.Duration backlog(String action);

    /** CreateVpcEndpoint with the flattened parameters and the job's ClientToken. */
    Uni<Creation> create(Map<String, String> parameters, String clientToken);

    /**
     * CreateVpcEndpoint with DryRun: completes when the cloud's checks pass (its DryRunOperation answer), fails with
     * the CloudException of the first check that does not.
     */
    Uni<Void> checkCreate(Map<String, String> parameters, String clientToken);

    /** GetVpcEndpointAttribute, with EndpointNotFound as an observation of an endpoint that is gone. */
    Uni<Observation> observe(String regionId, String endpointId);

    /**
     * GetVpcEndpointAttribute, then, once the endpoint is Active, every page of ListVpcEndpointZones: its connection
     * and each zone's (whose Wait or Disconnected tells an owner's silence from a refusal); without zones when their
     * look got no answer.
     */
    Uni<Observation> observeConnection(String regionId, String endpointId);

    /**
     * The service owner's view of one endpoint's connection (ListVpcEndpointConnections by ServiceId and EndpointId):
     * its ConnectionStatus as the status, its fields, its zones; gone when the service lists no such connection. A
     * service the account does not own fails with the cloud's EndpointServiceNotFound.
     */
    Uni<Observation> connection(String regionId, String serviceId, String endpointId);

    /** GetVpcEndpointAttribute, then every page of ListVpcEndpointZones and ListVpcEndpointSecurityGroups. */
    Uni<Observation> observeFully(String regionId, String endpointId);

    /**
     * One change of an endpoint or a service (their deletes among them) by the API's own action, on the resource with
     * this id, with the step's ClientToken. With DryRun it completes when the cloud's checks pass (its DryRunOperation
     * answer).
     */
    Uni<Void> change(String regionId, String id, CloudChange change, String clientToken, boolean dryRun);

    /**
     * CreateVpcEndpointService with the flattened parameters and the job's ClientToken: its ServiceId. With DryRun it
     * completes with null when the cloud's checks pass.
     */
    Uni<String> createService(Map<String, String> parameters, String clientToken, boolean dryRun);

    /**
     * GetVpcEndpointServiceAttribute, then every page of its resources, allowed users and connections; gone on
     * EndpointServiceNotFound (a service of another account is not found either).
     */
    Uni<ServiceObservation> observeService(String regionId, String serviceId);
}
