package io.privatelink.provisioner;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Reads and writes the embedded broker directly, to check what the service did (or did not) publish. */
public final class TestKafka {

    private TestKafka() {
    }

    private static Map<String, Object> config() {
        return Map.of("bootstrap.servers", LocalStackResource.stack().kafkaBootstrapServers());
    }

    /** Publishes a record as another system would. */
    public static void send(String topic, String key, String value) {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(config(),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + topic, e);
        }
    }

    /** Every record of the topic from the beginning, read until {@code done} holds or the timeout passes. */
    public static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> readUntil(String topic,
            java.util.function.Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>> done,
            java.time.Duration timeout) {
        Map<String, Object> c = new java.util.HashMap<>(config());
        c.put("group.id", "test-" + java.util.UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(c,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end && !done.test(seen)) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** The sum of the topic's end offsets: how many records it has ever received. */
    public static long records(String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalStackResource.stack().kafkaBootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + topic, e);
        }
    }
}
