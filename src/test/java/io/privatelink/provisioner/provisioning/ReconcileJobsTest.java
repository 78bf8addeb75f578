package io.privatelink.provisioner.provisioning;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.fakes.UseCaseTest;

/** A whole reconciler pass, in memory: the events a change could not publish go out with a later pass. */
class ReconcileJobsTest extends UseCaseTest {

    /** The event types the broker received for the job, in order. */
    List<String> published(String jobId) {
        return world.events.sent().stream().map(ReconcileJobsTest::json)
                .filter(e -> jobId.equals(e.path("subject").asText())).map(e -> e.path("type").asText()).toList();
    }

    static JsonNode json(String event) {
        try {
            return new ObjectMapper().readTree(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A job begun while no broker answered: its events recorded, unpublished, and the broker back. */
    String createdWhileTheBrokerWasAway() {
        world.events.brokerAway();
        String jobId = world.acceptedCreate();
        world.provision.provision(new ProvisionCommand(jobId)).await().atMost(Duration.ofSeconds(5));
        // The changes' publisher met no broker and gave up (the send timeout): the events stay recorded, unpublished.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> world.events.unanswered() >= 1 && !world.jobs.publishing(jobId));
        world.events.brokerBack();
        return jobId;
    }

    @Test
    void eventsTheBrokerDidNotTakeArePublishedByAPassOnceTheyAreStale() {
        String jobId = createdWhileTheBrokerWasAway();
        world.reconciler.pass().await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(), published(jobId), "a change's own publisher may still be at it: not yet");

        world.clock.advance(Duration.ofSeconds(11));
        world.reconciler.pass().await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of("privatelink.vpc-endpoint.job.accepted", "privatelink.vpc-endpoint.job.provisioning",
                "privatelink.vpc-endpoint.job.creating"), published(jobId), "each once, in order");
        world.clock.advance(Duration.ofSeconds(11));
        world.reconciler.pass().await().atMost(Duration.ofSeconds(5));
        assertEquals(3, published(jobId).size(), "published events are not sent again");
        assertTrue(world.jobs.eventTypes(jobId).size() >= 3);
    }

    @Test
    void inProcessTheJobsPassLeavesStaleEventsToTheWatchTimer() {
        String jobId = createdWhileTheBrokerWasAway();
        world.clock.advance(Duration.ofSeconds(11));
        world.reconciler.pass(true).await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(), published(jobId), "the jobs' own timer does not wait for the passes beside them");
        world.reconciler.besideJobs().await().atMost(Duration.ofSeconds(5));
        assertEquals(3, published(jobId).size(), "the watch timer's pass publishes them");
    }
}
