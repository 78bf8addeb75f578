package io.privatelink.provisioner.job;

/**
 * What a job does to its endpoint (or, for a service owner's decision, to an endpoint's connection to the owner's
 * service; or to an endpoint service the owner manages): the action it was accepted for, its working state and the
 * state it ends in. A service's job keeps its ServiceId where an endpoint's keeps its EndpointId.
 */
public enum Operation {
    Create("CreateVpcEndpoint", JobStatus.Provisioning, JobStatus.Active),
    Delete("DeleteVpcEndpoint", JobStatus.Deleting, JobStatus.Deleted),
    Update("UpdateVpcEndpoint", JobStatus.Updating, JobStatus.Updated),
    Adopt("AdoptVpcEndpoint", JobStatus.Adopting, JobStatus.Adopted),
    Accept("AcceptVpcEndpointConnection", JobStatus.Accepting, JobStatus.Connected),
    Reject("RejectVpcEndpointConnection", JobStatus.Rejecting, JobStatus.Disconnected),
    CreateService("CreateVpcEndpointService", JobStatus.Provisioning, JobStatus.Active),
    UpdateService("UpdateVpcEndpointService", JobStatus.Updating, JobStatus.Updated),
    DeleteService("DeleteVpcEndpointService", JobStatus.Deleting, JobStatus.Deleted),
    AdoptService("AdoptVpcEndpointService", JobStatus.Adopting, JobStatus.Adopted);

    private final String action;
    private final JobStatus working;
    private final JobStatus done;

    Operation(String action, JobStatus working, JobStatus done) {
        this.action = action;
        this.working = working;
        this.done = done;
    }

    /** The function (and the requests topic's Action) that asks for it. */
    public String action() {
        return action;
    }

    public JobStatus working() {
        return working;
    }

    /** Whether a job of this operation in this state is under way (a create: its call made, or its resource made). */
    public boolean isWorking(JobStatus status) {
        return status == working || (this == Create || this == CreateService) && status == JobStatus.Creating;
    }

    public JobStatus done() {
        return done;
    }

    /** Whether the job acts on an endpoint the service already knows (delete, update), rather than bringing one in. */
    public boolean onManagedEndpoint() {
        return this == Delete || this == Update;
    }

    /** Whether the job acts on an endpoint service of the owner's (create, update, delete, adopt). */
    public boolean onService() {
        return this == CreateService || this == UpdateService || this == DeleteService || this == AdoptService;
    }

    /** Whether the job is a service owner's decision on a connection (accept, reject). */
    public boolean onConnection() {
        return this == Accept || this == Reject;
    }
}
