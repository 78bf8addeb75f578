package io.privatelink.provisioner.job;

import java.util.List;

/** Writes the event of a state change, given the job as the change left it and its whole history. */
public interface JobEventFactory {

    JobEvent event(VpcEndpointJob job, List<JobHistoryEntry> history, JobHistoryEntry step);

    /**
     * The event of something found about a managed endpoint ({@code kind}: drifted, gone), published in order with
     * the events of the job that brought it in.
     */
    JobEvent endpointEvent(ManagedEndpoint endpoint, String kind, Object data);

    /** The event of something found about a managed service ({@code kind}: connection-requested). */
    JobEvent serviceEvent(ManagedService service, String kind, Object data);
}
