package io.privatelink.provisioner.job;

import java.util.List;

/** Told of every state change once it is committed (metrics, logs). */
public interface JobObserver {

    void committed(VpcEndpointJob job, List<JobHistoryEntry> steps);
}
