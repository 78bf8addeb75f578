package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.ReconcileSummary;
import io.privatelink.provisioner.provisioning.ReconcileJobs;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** ReconcileVpcEndpointJobs (internal): one pass over the due jobs. */
public class ReconcileVpcEndpointJobsFunction {

    private final ReconcileJobs reconcile;

    public ReconcileVpcEndpointJobsFunction(ReconcileJobs reconcile) {
        this.reconcile = reconcile;
    }

    @Funq("ReconcileVpcEndpointJobs")
    public Uni<ReconcileSummary> reconcileVpcEndpointJobs() {
        return reconcile.pass();
    }
}
