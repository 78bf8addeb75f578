package io.privatelink.provisioner.push;

/** A Kafka record as a platform pushed it: where it sat in its topic, and its key and value. */
public record PushedRecord(String topic, int partition, long offset, String key, String value) {
}
