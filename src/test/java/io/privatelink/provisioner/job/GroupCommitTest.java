package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Accepts written together on the real database: one statement per batch (one batch in flight here, so that all but
 * the first of a burst share one), each job answered with the one that holds its ClientToken, a bad row failing alone.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class GroupCommitTest {

    @Inject
    Pool sql;

    /** The jobs written here, gone after each test, so that no other test meets them. */
    @AfterEach
    void forget() {
        String owned = "(select job_id from vpc_endpoint_job where caller_tenant = 'group-commit-test')";
        sql.query("delete from vpc_endpoint_job_event where job_id in " + owned).execute().await().indefinitely();
        sql.query("delete from vpc_endpoint_job_history where job_id in " + owned).execute().await().indefinitely();
        sql.query("delete from vpc_endpoint_job where caller_tenant = 'group-commit-test'").execute().await().indefinitely();
    }

    private GroupCommit oneBatchAtATime() {
        return new GroupCommit(sql, 64, 1);
    }

    @Test
    void aBurstIsWrittenWholeAndEveryJobAnswersForItself() {
        GroupCommit commit = oneBatchAtATime();
        String owner = "burst-" + UUID.randomUUID();
        List<VpcEndpointJob> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            jobs.add(job(owner, "token-" + i, "cn-hangzhou"));
        }
        List<VpcEndpointJob> holders = all(commit, jobs).stream().map(CompletableFuture::join).toList();
        for (int i = 0; i < jobs.size(); i++) {
            assertEquals(jobs.get(i).jobId, holders.get(i).jobId, "a new token's job is its own");
        }
        assertEquals(30L, count("select count(*) from vpc_endpoint_job where caller_subject = $1", owner));
        assertEquals(30L, count("select count(*) from vpc_endpoint_job_history h join vpc_endpoint_job j using (job_id)"
                + " where j.caller_subject = $1", owner));
        assertEquals(30L, count("select count(*) from vpc_endpoint_job_event e join vpc_endpoint_job j using (job_id)"
                + " where j.caller_subject = $1", owner));
    }

    @Test
    void oneClientTokenTwiceInABatchMakesOneJobThatBothAnswer() {
        GroupCommit commit = oneBatchAtATime();
        String owner = "same-token-" + UUID.randomUUID();
        List<VpcEndpointJob> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(job(owner, "the-token", "cn-hangzhou"));
        }
        Set<String> holders = all(commit, jobs).stream().map(f -> f.join().jobId).collect(Collectors.toSet());
        assertEquals(1, holders.size(), "every request with the token answers with the same job");
        assertEquals(1L, count("select count(*) from vpc_endpoint_job where caller_subject = $1", owner));
        assertEquals(1L, count("select count(*) from vpc_endpoint_job_history h join vpc_endpoint_job j using (job_id)"
                + " where j.caller_subject = $1", owner), "no history row for a job that was not written");
    }

    @Test
    void aRowTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsWritten() {
        GroupCommit commit = oneBatchAtATime();
        String owner = "bad-row-" + UUID.randomUUID();
        List<VpcEndpointJob> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // region_id is varchar(64): the database refuses a longer one (SQLSTATE 22001).
            jobs.add(job(owner, "token-" + i, i == 5 ? "r".repeat(65) : "cn-hangzhou"));
        }
        List<CompletableFuture<VpcEndpointJob>> answers = all(commit, jobs);
        for (int i = 0; i < jobs.size(); i++) {
            if (i == 5) {
                CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                        answers.get(i)::join);
                assertInstanceOf(PgException.class, e.getCause());
            } else {
                assertNotNull(answers.get(i).join());
            }
        }
        assertEquals(9L, count("select count(*) from vpc_endpoint_job where caller_subject = $1", owner));
    }

    private static List<CompletableFuture<VpcEndpointJob>> all(GroupCommit commit, List<VpcEndpointJob> jobs) {
        List<CompletableFuture<VpcEndpointJob>> answers = new ArrayList<>();
        for (VpcEndpointJob job : jobs) {
            JobEvent event = new JobEvent();
            event.eventType = "privatelink.vpc-endpoint.job.accepted";
            event.payload = "{}";
            answers.add(commit.insert(new GroupCommit.NewJob(job, "accepted", event)).subscribeAsCompletionStage());
        }
        for (CompletableFuture<VpcEndpointJob> answer : answers) {
            answer.handle((v, e) -> null).join();
        }
        return answers;
    }

    private static VpcEndpointJob job(String subject, String clientToken, String regionId) {
        Instant now = Instant.now();
        VpcEndpointJob job = VpcEndpointJob.accepted(new JobOwner(subject, "group-commit-test"), clientToken,
                "f".repeat(64), "{}", regionId, "vpc-demo01", now);
        // Never due: the reconciler of the suite's service must not pick these jobs up and provision them.
        job.nextAttemptAt = now.plus(java.time.Duration.ofDays(1));
        return job;
    }

    private long count(String query, String subject) {
        return sql.preparedQuery(query).execute(Tuple.of(subject)).await().indefinitely().iterator().next().getLong(0);
    }
}
