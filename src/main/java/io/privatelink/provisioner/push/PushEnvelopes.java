package io.privatelink.provisioner.push;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.MultiMap;

/**
 * Reads what the platforms push into Kafka records. Knative's KafkaSource sends one record as a binary-mode
 * CloudEvent ({@code ce-id: partition:P/offset:O}, {@code ce-source: ...#topic}, the value as the body). Function
 * Compute's Kafka trigger posts a batch to {@code /invoke}: a JSON array of CloudEvents whose {@code data} is the record
 * ({@code topic, partition, offset, key, value}), or of the bare records (the trigger's RawData format). Its timer
 * trigger posts {@code {"triggerTime", "triggerName", "payload"}}.
 */
final class PushEnvelopes {

    private static final Pattern KNATIVE_ID = Pattern.compile("partition:(\\d+)/offset:(\\d+)");

    /** What an /invoke body holds: records, or a timer's tick (records empty). */
    record Delivery(boolean tick, List<PushedRecord> records) {
    }

    private PushEnvelopes() {
    }

    /** One record from a Knative KafkaSource's binary CloudEvent; the topic from ce-source when it names one. */
    static PushedRecord knative(MultiMap headers, String body, String defaultTopic) {
        String id = headers.get("ce-id");
        Matcher m = id == null ? null : KNATIVE_ID.matcher(id);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a KafkaSource event: ce-id " + id
                    + " is not partition:<P>/offset:<O>");
        }
        String source = headers.get("ce-source");
        String topic = source != null && source.contains("#") ? source.substring(source.lastIndexOf('#') + 1) : defaultTopic;
        return new PushedRecord(topic, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), headers.get("ce-key"), body);
    }

    /** The records (or the tick) of a Function Compute /invoke body. */
    static Delivery functionCompute(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Function Compute event: the body is not JSON");
        }
        if (root != null && root.isObject() && root.has("triggerTime") && root.has("triggerName")) {
            return new Delivery(true, List.of());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not a Function Compute Kafka batch: the body is not a JSON array");
        }
        List<PushedRecord> records = new ArrayList<>();
        for (JsonNode event : root) {
            JsonNode record = event.has("specversion") ? event.path("data") : event;
            if (!record.hasNonNull("topic") || !record.has("partition") || !record.has("offset")) {
                throw new IllegalArgumentException("not a Kafka record: it lacks topic, partition or offset");
            }
            JsonNode value = record.get("value");
            records.add(new PushedRecord(record.get("topic").asText(), record.get("partition").asInt(),
                    record.get("offset").asLong(), textOrNull(record.get("key")),
                    value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString()));
        }
        return new Delivery(false, records);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
