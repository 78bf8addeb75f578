package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void terminalStatesNeverChange() {
        for (JobStatus terminal : EnumSet.of(JobStatus.Active, JobStatus.Failed, JobStatus.Deleted, JobStatus.Updated,
                JobStatus.Adopted, JobStatus.Cancelled)) {
            assertTrue(terminal.isTerminal());
            for (JobStatus target : JobStatus.values()) {
                assertFalse(terminal.canMoveTo(target), terminal + " -> " + target);
            }
        }
    }

    @Test
    void theHappyPathIsAllowedInOrder() {
        assertTrue(JobStatus.Accepted.canMoveTo(JobStatus.Provisioning));
        assertTrue(JobStatus.Provisioning.canMoveTo(JobStatus.Creating));
        assertTrue(JobStatus.Creating.canMoveTo(JobStatus.Active));
    }

    @Test
    void noStateIsSkipped() {
        assertFalse(JobStatus.Accepted.canMoveTo(JobStatus.Creating));
        assertFalse(JobStatus.Accepted.canMoveTo(JobStatus.Active));
        assertFalse(JobStatus.Provisioning.canMoveTo(JobStatus.Active));
        assertFalse(JobStatus.Creating.canMoveTo(JobStatus.Provisioning));
    }

    @Test
    void everyNonTerminalStateMayFail() {
        for (JobStatus s : JobStatus.moving()) {
            assertTrue(s.canMoveTo(JobStatus.Failed), s + " -> Failed");
        }
    }

    @Test
    void onlyAJobThatHasNotReachedTheCloudMayBeCancelled() {
        for (JobStatus s : JobStatus.values()) {
            assertEquals(s == JobStatus.Accepted || s == JobStatus.Queued, s.canMoveTo(JobStatus.Cancelled), s.name());
        }
    }

    @Test
    void eachOperationMovesThroughItsWorkingStateToItsEnd() {
        for (Operation operation : Operation.values()) {
            assertTrue(JobStatus.Accepted.canMoveTo(operation.working()), operation.name());
            assertTrue(operation.working().canMoveTo(operation.working()), "a step or a retry: " + operation);
            if (operation != Operation.Create && operation != Operation.CreateService) {
                assertTrue(JobStatus.Queued.canMoveTo(operation.working()), operation.name());
                assertTrue(operation.working().canMoveTo(operation.done()), operation.name());
            }
        }
        // The creates, of an endpoint and of a service, go Provisioning -> Creating (the resource's id known) -> Active.
        for (Operation create : java.util.List.of(Operation.Create, Operation.CreateService)) {
            assertTrue(create.isWorking(JobStatus.Creating), create.name());
            assertTrue(create.working().canMoveTo(JobStatus.Creating), create.name());
            assertTrue(JobStatus.Creating.canMoveTo(JobStatus.Creating), "a service's create steps while Creating");
            assertTrue(JobStatus.Creating.canMoveTo(create.done()), create.name());
        }
    }

    @Test
    void theDueIndexOfTheMigrationListsExactlyTheStatesThatStillMove() throws Exception {
        String migration = new String(JobStatusTest.class.getResourceAsStream("/db/migration/V11__connections.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(migration.contains("where status in " + JobStatus.MOVING_SQL + ";"), JobStatus.MOVING_SQL);
    }

    @Test
    void aMoveRecordsAHistoryRowAndARefusedMoveChangesNothing() {
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = "job-1";
        job.status = JobStatus.Accepted;
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        JobHistoryEntry step = job.moveTo(JobStatus.Provisioning, "attempt 1", now);
        assertEquals(JobStatus.Provisioning, job.status);
        assertEquals(JobStatus.Provisioning, step.jobStatus);
        assertEquals("attempt 1", step.detail);
        assertEquals(now, job.updatedAt);

        assertThrows(IllegalStateException.class, () -> job.moveTo(JobStatus.Active, "skip", now));
        assertEquals(JobStatus.Provisioning, job.status);
    }

    @Test
    void aTerminalMoveClearsTheNextAttempt() {
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = "job-2";
        job.status = JobStatus.Creating;
        job.nextAttemptAt = Instant.now();
        job.moveTo(JobStatus.Active, "done", Instant.now());
        assertEquals(null, job.nextAttemptAt);
    }
}
