package io.privatelink.provisioner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Puts ProvisionCommands on vpc-endpoint.commands, keyed by JobId, and answers once the broker has them (acks=all). */
@ApplicationScoped
public class ProvisionCommandSender {

    private static final Logger LOG = Logger.getLogger(ProvisionCommandSender.class);

    private final MutinyEmitter<ProvisionCommand> emitter;
    private final ProvisionerConfig config;

    public ProvisionCommandSender(@Channel("provision-commands-out") MutinyEmitter<ProvisionCommand> emitter,
            ProvisionerConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends and waits for the broker's ack, up to the send timeout. A send that fails or times out is not an error
     * for the caller: the job is already committed, and the reconciler sends it again.
     */
    public Uni<Boolean> send(String jobId) {
        Message<ProvisionCommand> message = Message.of(new ProvisionCommand(jobId))
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(jobId).build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.accept().sendTimeout()).fail()
                .replaceWith(true)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("ProvisionCommand for job %s not acknowledged (%s); the reconciler will send it again",
                            jobId, e.toString());
                    return false;
                });
    }
}
