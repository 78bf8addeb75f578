package io.privatelink.provisioner.soak;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * CallbackCrashSoak against the production artifact, killed alone while the broker and the database live on: run by
 * the suite beside its other classes (they wait on this process most of their time), on the artifact built before
 * the tests.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ProductionService.LOCK)
class CallbackCrashTest extends CallbackCrashSoak {

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
