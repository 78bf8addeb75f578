package io.privatelink.provisioner.job;

import java.util.List;

/**
 * Told of every change of a job once it is committed: its state moves in {@code steps} (metrics, logs, callbacks), none
 * when only its next look moved (the reconciler's timer).
 */
public interface JobObserver {

    void committed(VpcEndpointJob job, List<JobHistoryEntry> steps);
}
