package io.privatelink.provisioner.soak;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * LifecycleCrashSoak against the production artifact, killed alone while the broker and the database live on: run by
 * the suite beside its other classes (they wait on this process most of their time), on the artifact built before
 * the tests.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ProductionService.LOCK)
class LifecycleCrashTest extends LifecycleCrashSoak {

    @Override
    SoakService service() {
        return new ProductionService();
    }

    /**
     * Two fifths of the soak's endpoints (and so 8 connections decided): the kill, the restart and what they must keep
     * are the same, and the suite's other classes keep more of the two cores.
     */
    @Override
    int endpoints() {
        return 24;
    }
}
