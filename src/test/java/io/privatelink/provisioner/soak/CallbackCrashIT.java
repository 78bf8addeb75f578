package io.privatelink.provisioner.soak;

/**
 * CallbackCrashSoak against the production artifact, killed alone while the broker and the database live on: run by
 * the failsafe plugin in mvn verify, after the package phase built it.
 */
class CallbackCrashIT extends CallbackCrashSoak {

    @Override
    SoakService service() {
        return new ProductionService();
    }

    /** Half the soak's jobs: the kill, the restart and what they must keep are the same. */
    @Override
    int jobs() {
        return 100;
    }
}
