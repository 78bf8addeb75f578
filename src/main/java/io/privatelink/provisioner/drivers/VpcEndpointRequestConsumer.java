package io.privatelink.provisioner.drivers;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.provisioning.AcceptJob;
import io.privatelink.provisioner.provisioning.Admissions;
import io.privatelink.provisioner.provisioning.RefusedRequests;
import io.smallrye.mutiny.Uni;

/**
 * Requests that other systems publish on vpc-endpoint.requests: CreateVpcEndpoint, or the operation its Action field
 * names (DeleteVpcEndpoint, UpdateVpcEndpoint, AdoptVpcEndpoint); the same reading, rules and recording as HTTP. A request that breaks a rule becomes a Failed job with the rule's Code (and its event); a record
 * that is not a JSON object goes to the DLQ with the reason. While the database is away the record is retried, not
 * dead-lettered.
 */
@ApplicationScoped
public class VpcEndpointRequestConsumer {

    private final AcceptJob accept;
    private final Admissions admissions;
    private final RefusedRequests refusals;
    private final ObjectMapper json;
    private final ProvisionerConfig config;

    public VpcEndpointRequestConsumer(AcceptJob accept, Admissions admissions, RefusedRequests refusals,
            ObjectMapper json, ProvisionerConfig config) {
        this.admissions = admissions;
        this.refusals = refusals;
        this.accept = accept;
        this.json = json;
        this.config = config;
    }

    /** The in-process consumer: while the database is away, the record is tried again here before it is given up. */
    @Incoming("vpc-endpoint-requests-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return handle(record).onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(config.retry().requestAttempts());
    }

    /**
     * One record, tried once: an IllegalArgumentException for a record that is not a request (for the dead letters),
     * any other failure for a record worth trying again.
     */
    public Uni<Void> handle(ConsumerRecord<String, String> record) {
        JsonNode raw;
        try {
            raw = record.value() == null ? null : json.readTree(record.value());
        } catch (Exception e) {
            raw = null;
        }
        if (raw == null || !raw.isObject()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "not a CreateVpcEndpoint request: the record is not a JSON object"));
        }
        ObjectNode request = (ObjectNode) raw;
        if (!request.hasNonNull("ClientToken")) {
            // A redelivered record must not make a second endpoint: without the caller's token, the record's place
            // in the topic is the token.
            request.put("ClientToken", "kafka-" + record.topic() + "-" + record.partition() + "-" + record.offset());
        }
        JsonNode field = request.remove("Action");
        String action = field == null ? Operation.Create.action() : field.isTextual() ? field.asText() : field.toString();
        return admissions.forAction(action).map(admission -> accept.fromTopic(admission, record.topic(), request))
                .orElseGet(() -> refusals.record(Operation.Create, record.topic(), request,
                        ApiErrors.actionNotFound(action)));
    }
}
