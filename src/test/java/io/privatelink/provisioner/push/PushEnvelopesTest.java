package io.privatelink.provisioner.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.MultiMap;

class PushEnvelopesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFunctionComputeBatchOfRawAndCloudEventRecordsIsReadInOrder() {
        PushEnvelopes.Delivery delivery = PushEnvelopes.functionCompute(JSON, """
                [{"topic": "vpc-endpoint.commands", "partition": 2, "offset": 7, "key": "job-1", "value": "{\\"JobId\\":\\"job-1\\"}"},
                 {"specversion": "1.0", "data": {"topic": "vpc-endpoint.requests", "partition": 0, "offset": 3,
                  "key": null, "value": {"RegionId": "cn-hangzhou"}}}]""");
        assertEquals(false, delivery.tick());
        assertEquals(new PushedRecord("vpc-endpoint.commands", 2, 7, "job-1", "{\"JobId\":\"job-1\"}"),
                delivery.records().get(0));
        assertEquals(new PushedRecord("vpc-endpoint.requests", 0, 3, null, "{\"RegionId\":\"cn-hangzhou\"}"),
                delivery.records().get(1));
    }

    @Test
    void aTimerTriggerIsATick() {
        PushEnvelopes.Delivery delivery = PushEnvelopes.functionCompute(JSON,
                "{\"triggerTime\": \"2026-12-01T10:00:00Z\", \"triggerName\": \"reconcile\", \"payload\": \"\"}");
        assertTrue(delivery.tick());
        assertEquals(0, delivery.records().size());
    }

    @Test
    void whatIsNoBatchIsRefusedForTheDeadLetters() {
        assertThrows(IllegalArgumentException.class, () -> PushEnvelopes.functionCompute(JSON, "not json"));
        assertThrows(IllegalArgumentException.class, () -> PushEnvelopes.functionCompute(JSON, "{\"a\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> PushEnvelopes.functionCompute(JSON, "[{\"topic\": \"t\"}]"));
    }

    @Test
    void aKnativeEventNamesItsPlaceInTheTopic() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("ce-id", "partition:3/offset:42")
                .add("ce-source", "/apis/v1/namespaces/x/kafkasources/s#vpc-endpoint.requests").add("ce-key", "k");
        assertEquals(new PushedRecord("vpc-endpoint.requests", 3, 42, "k", "{}"),
                PushEnvelopes.knative(headers, "{}", "vpc-endpoint.commands"));
        MultiMap noTopic = MultiMap.caseInsensitiveMultiMap().add("ce-id", "partition:0/offset:1");
        assertEquals("vpc-endpoint.commands", PushEnvelopes.knative(noTopic, "{}", "vpc-endpoint.commands").topic());
        MultiMap other = MultiMap.caseInsensitiveMultiMap().add("ce-id", "some-id");
        assertThrows(IllegalArgumentException.class, () -> PushEnvelopes.knative(other, "{}", "t"));
    }
}
