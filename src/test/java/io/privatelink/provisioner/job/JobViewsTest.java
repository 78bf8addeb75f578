package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.JobView;

class JobViewsTest {

    final ObjectMapper json = new ObjectMapper();
    final JobViews views = new JobViews(json);

    static VpcEndpointJob job(JobStatus status, String requestJson) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        VpcEndpointJob job = VpcEndpointJob.accepted(JobOwner.topic("vpc-endpoint.requests"), "token-1", "f",
                requestJson, "cn-hangzhou", "vpc-1", at);
        job.status = status;
        job.updatedAt = at.plusSeconds(5);
        job.nextAttemptAt = at.plusSeconds(8);
        return job;
    }

    @Test
    void aRunningJobShowsWhenItsNextStepIsDueAndItsRequestAsRecorded() throws Exception {
        VpcEndpointJob job = job(JobStatus.Creating, "{\"RegionId\":\"cn-hangzhou\",\"Zone\":[]}");
        job.endpointJson = "{\"EndpointId\":\"ep-1\"}";
        JobView view = views.view(job, List.of(JobHistoryEntry.of(job.jobId, JobStatus.Accepted, job.createdAt, "accepted")));
        JsonNode shown = json.readTree(json.writeValueAsString(view));
        assertEquals("Creating", shown.get("JobStatus").asText());
        assertEquals("2026-12-01T10:00:08Z", shown.get("NextAttemptAt").asText());
        assertEquals("ep-1", shown.get("Endpoint").get("EndpointId").asText());
        assertEquals("cn-hangzhou", shown.get("Request").get("RegionId").asText(), "the stored JSON, embedded");
        assertEquals("accepted", shown.get("History").get(0).get("Detail").asText());
        assertEquals(true, shown.get("Error").isNull());
    }

    @Test
    void aRefusedRequestIsShownAsItCameEvenWhereNoReaderTakesIt() throws Exception {
        VpcEndpointJob job = job(JobStatus.Failed, "{\"Tag\":5,\"Unknown\":[1]}");
        job.errorCode = "InvalidParameter";
        job.errorMessage = "The parameter Tag has the wrong type: it takes a JSON array.";
        JobView view = views.view(job, List.of());
        JsonNode shown = json.readTree(json.writeValueAsString(view));
        assertNull(view.nextAttemptAt(), "a terminal job is due for nothing");
        assertEquals(5, shown.get("Request").get("Tag").asInt());
        assertEquals("InvalidParameter", shown.get("Error").get("Code").asText());
    }
}
