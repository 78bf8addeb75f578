package io.privatelink.provisioner.drivers;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.provisioning.ProvisionEndpoint;
import io.smallrye.mutiny.Uni;

/**
 * The in-process driver of ProvisionVpcEndpoint: consumes vpc-endpoint.commands. Off in push-driven deployments
 * (PRIVATELINK_KAFKA_CONSUMER=false), where the platform posts the records instead.
 */
@ApplicationScoped
public class ProvisionCommandConsumer {

    private static final Logger LOG = Logger.getLogger(ProvisionCommandConsumer.class);

    private final ProvisionEndpoint provision;
    private final ObjectReader commands;

    public ProvisionCommandConsumer(ProvisionEndpoint provision, ObjectMapper json) {
        this.provision = provision;
        this.commands = json.readerFor(ProvisionCommand.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * A record that is not a ProvisionCommand is refused, and the channel's failure strategy puts it on the DLQ with
     * the reason. Any other failure is logged and the record acknowledged: the job stays due in PostgreSQL and the
     * reconciler sends it again, so a stuck record never blocks its partition.
     */
    @Incoming("provision-commands-in")
    public Uni<Void> consume(String record) {
        return handle(record, true);
    }

    /**
     * One record. In process ({@code handOff}), a create call that must wait long for its account's pacing is left
     * running while the next record is taken; pushed by a platform, the delivery waits for the call, so that the
     * platform does not freeze or reclaim the instance under it.
     */
    public Uni<Void> handle(String record, boolean handOff) {
        ProvisionCommand command;
        try {
            command = commands.readValue(record);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a ProvisionCommand: " + e.getMessage()));
        }
        if (command == null || command.jobId() == null || command.jobId().isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a ProvisionCommand: no JobId"));
        }
        return provision.provision(command, handOff).onFailure().recoverWithUni(e -> {
            LOG.warnf("ProvisionCommand for job %s failed (%s); the reconciler will retry it",
                    command.jobId(), e.toString());
            return Uni.createFrom().voidItem();
        });
    }
}
