package io.privatelink.provisioner.push;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.drivers.ProvisionCommandConsumer;
import io.privatelink.provisioner.drivers.VpcEndpointRequestConsumer;
import io.privatelink.provisioner.invocation.EdgeLimits;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.provisioning.ReconcileJobs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Push mode: the platform delivers what the in-process consumers and timer would otherwise fetch. Each record goes to
 * the same code the in-process consumer runs. The answer tells the platform what to do with the delivery: 200 done,
 * 503 try again later (the database or the broker is away), 400 never (a poison record: dead-letter it).
 */
@ApplicationScoped
public class PushRoutes {

    public static final String INVOKE = "/invoke";
    public static final String REQUESTS = "/push/vpc-endpoint.requests";
    /** A timer's tick (Knative PingSource): reconciler passes for as long as a drain lasts. */
    public static final String TICK = "/push/tick";
    private static final Logger LOG = Logger.getLogger(PushRoutes.class);

    private enum Outcome { DONE, POISON, RETRY }

    private final ProvisionCommandConsumer commands;
    private final VpcEndpointRequestConsumer requests;
    private final ReconcileJobs reconciler;
    private final ObjectMapper json;
    private final JobStore jobs;
    private final ReactiveContext context;
    private final ProvisionerConfig config;

    private final Clock clock;

    public PushRoutes(ProvisionCommandConsumer commands, VpcEndpointRequestConsumer requests,
            ReconcileJobs reconciler, ObjectMapper json, JobStore jobs, ReactiveContext context,
            ProvisionerConfig config, Clock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.context = context;
        this.config = config;
        this.commands = commands;
        this.requests = requests;
        this.reconciler = reconciler;
        this.json = json;
    }

    void routes(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(EdgeLimits.MAX_BODY_BYTES * 16);
        router.route(HttpMethod.POST, INVOKE).order(EdgeLimits.BEFORE_FUNQY + 1).handler(body);
        router.route(HttpMethod.POST, INVOKE).order(EdgeLimits.BEFORE_FUNQY + 2).handler(this::invoke);
        router.route(HttpMethod.POST, REQUESTS).order(EdgeLimits.BEFORE_FUNQY + 1).handler(body);
        router.route(HttpMethod.POST, REQUESTS).order(EdgeLimits.BEFORE_FUNQY + 2).handler(this::knativeRequest);
        router.route(HttpMethod.POST, TICK).order(EdgeLimits.BEFORE_FUNQY + 2).handler(this::tick);
        // A PingSource's data or any other body means nothing to the reconciler, and Funqy refuses a body for a
        // function without input: drop it.
        router.route(HttpMethod.POST, ServiceFunction.ReconcileVpcEndpointJobs.path()).order(EdgeLimits.BEFORE_FUNQY + 1).handler(body);
        router.route(HttpMethod.POST, ServiceFunction.ReconcileVpcEndpointJobs.path()).order(EdgeLimits.BEFORE_FUNQY + 2).handler(ctx -> {
            ((RoutingContextInternal) ctx).setBody(io.vertx.core.buffer.Buffer.buffer());
            ctx.request().headers().remove(HttpHeaders.CONTENT_TYPE);
            ctx.next();
        });
    }

    /** Function Compute: a Kafka trigger's batch, or a timer's tick. */
    private void invoke(RoutingContext ctx) {
        PushEnvelopes.Delivery delivery;
        try {
            delivery = PushEnvelopes.functionCompute(json, ctx.body().asString());
        } catch (IllegalArgumentException e) {
            ctx.fail(ApiErrors.invalidParameter(e.getMessage()));
            return;
        }
        if (delivery.tick()) {
            tick(ctx);
            return;
        }
        Uni.join().all(delivery.records().stream().map(this::deliver).toList()).andCollectFailures()
                .subscribe().with(outcomes -> reply(ctx, outcomes), failure -> reply(ctx, List.of(Outcome.RETRY)));
    }

    private void tick(RoutingContext ctx) {
        Instant until = clock.instant().plus(config.reconciler().drainFor());
        drain(until).subscribe().with(passes -> reply(ctx, List.of(Outcome.DONE)),
                failure -> reply(ctx, List.of(Outcome.RETRY)));
    }

    /** Reconciler passes, one every drain-every, while jobs fall due before {@code until}. */
    private Uni<Void> drain(Instant until) {
        return reconciler.pass()
                .chain(() -> context.run(back -> jobs.countDue(until)))
                .chain(due -> due == 0 || clock.instant().plus(config.reconciler().drainEvery()).isAfter(until)
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().voidItem().onItem().delayIt().by(config.reconciler().drainEvery())
                                .chain(() -> drain(until)));
    }

    /** Knative: one record of vpc-endpoint.requests from a KafkaSource. */
    private void knativeRequest(RoutingContext ctx) {
        PushedRecord record;
        try {
            record = PushEnvelopes.knative(ctx.request().headers(), ctx.body().asString(), "vpc-endpoint.requests");
        } catch (IllegalArgumentException e) {
            ctx.fail(ApiErrors.invalidParameter(e.getMessage()));
            return;
        }
        deliver(record).subscribe().with(outcome -> reply(ctx, List.of(outcome)));
    }

    private Uni<Outcome> deliver(PushedRecord record) {
        Uni<Void> work = switch (record.topic()) {
            case "vpc-endpoint.commands" -> commands.handle(record.value(), false);
            case "vpc-endpoint.requests" -> requests.handle(new ConsumerRecord<>(record.topic(), record.partition(),
                    record.offset(), record.key(), record.value()));
            default -> Uni.createFrom().failure(new IllegalArgumentException("no function consumes " + record.topic()));
        };
        return work.replaceWith(Outcome.DONE).onFailure().recoverWithItem(failure -> {
            boolean poison = failure instanceof IllegalArgumentException;
            LOG.warnf("pushed record %s-%d@%d %s: %s", record.topic(), record.partition(), record.offset(),
                    poison ? "refused, for the dead letters" : "failed, for a retry", failure.getMessage());
            return poison ? Outcome.POISON : Outcome.RETRY;
        });
    }

    private void reply(RoutingContext ctx, List<Outcome> outcomes) {
        if (outcomes.contains(Outcome.RETRY)) {
            ctx.fail(ApiErrors.serviceUnavailable());
        } else if (outcomes.contains(Outcome.POISON)) {
            ctx.fail(ApiErrors.poisonRecord());
        } else {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"Records\":" + outcomes.size() + "}");
        }
    }
}
