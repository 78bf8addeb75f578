package io.privatelink.provisioner;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Reads the embedded broker directly, to check what the service did (or did not) publish. */
public final class TestKafka {

    private TestKafka() {
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
