package io.privatelink.provisioner.soak;

/**
 * LifecycleCrashSoak against the production artifact, killed alone while the broker and the database live on: run by
 * the failsafe plugin in mvn verify, after the package phase built it.
 */
class LifecycleCrashIT extends LifecycleCrashSoak {

    @Override
    SoakService service() {
        return new ProductionService();
    }

    /** Half the soak's endpoints: the kill, the restart and what they must keep are the same. */
    @Override
    int endpoints() {
        return 30;
    }
}
