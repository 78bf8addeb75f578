package io.privatelink.provisioner.fakes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;



import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.callbacks.CallbackSecrets;
import io.privatelink.provisioner.callbacks.CallbackTargets;
import io.privatelink.provisioner.callbacks.Receivers;
import io.privatelink.provisioner.config.AccountsConfig;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.config.DriftConfig;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.messaging.JobCloudEvents;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.messaging.ProvisionCommandSender;
import io.privatelink.provisioner.provisioning.AcceptJob;
import io.privatelink.provisioner.provisioning.AcceptPriority;
import io.privatelink.provisioner.provisioning.AdoptAdmission;
import io.privatelink.provisioner.provisioning.AdoptServiceAdmission;
import io.privatelink.provisioner.provisioning.CreateServiceAdmission;
import io.privatelink.provisioner.provisioning.DeleteServiceAdmission;
import io.privatelink.provisioner.provisioning.RunServiceOperation;
import io.privatelink.provisioner.provisioning.ServiceDecisions;
import io.privatelink.provisioner.provisioning.ServiceTargets;
import io.privatelink.provisioner.provisioning.UpdateServiceAdmission;
import io.privatelink.provisioner.provisioning.CancelJob;
import io.privatelink.provisioner.provisioning.CreateAdmission;
import io.privatelink.provisioner.provisioning.DeleteAdmission;
import io.privatelink.provisioner.provisioning.FailureClassifier;
import io.privatelink.provisioner.provisioning.JobDecisions;
import io.privatelink.provisioner.provisioning.JobSteps;
import io.privatelink.provisioner.provisioning.ManagedTargets;
import io.privatelink.provisioner.provisioning.OperationDecisions;
import io.privatelink.provisioner.provisioning.ProvisionEndpoint;
import io.privatelink.provisioner.provisioning.ReconcileDueJobs;
import io.privatelink.provisioner.provisioning.ReconcileJobs;
import io.privatelink.provisioner.provisioning.RefusedRequests;
import io.privatelink.provisioner.provisioning.RetrySchedule;
import io.privatelink.provisioner.provisioning.RunOperation;
import io.privatelink.provisioner.provisioning.UpdateAdmission;
import io.privatelink.provisioner.provisioning.WatchDrift;
import io.privatelink.provisioner.provisioning.WatchServiceConnections;
import io.privatelink.provisioner.provisioning.AcceptConnectionAdmission;
import io.privatelink.provisioner.provisioning.RejectConnectionAdmission;
import io.privatelink.provisioner.telemetry.JobTelemetry;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Vertx;

/**
 * The use cases as the service wires them, without Quarkus: the real classes over an in-memory record, in-memory
 * clouds (demo-a, the tenant's default, and demo-b), Kafka emitters that keep what they send, and a clock the test
 * moves. Configuration is the service's own mappings with their defaults and what the test names.
 */
public final class UseCases implements AutoCloseable {

    public static final String TENANT = "team";
    public static final Caller CALLER = new Caller(new JobOwner("alice", TENANT), true, false);
    public static final Caller OTHER_CALLER = new Caller(new JobOwner("bob", "another-team"), true, false);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T00:00:00Z"));
    public final InMemoryJobStore jobs = new InMemoryJobStore();
    public final InMemoryClouds clouds = new InMemoryClouds("demo-a", "demo-b");
    public final RecordingEmitter<ProvisionCommand> commands = new RecordingEmitter<>();
    public final RecordingEmitter<String> events = new RecordingEmitter<>();
    public final ProvisionerConfig config;
    public final JobViews views;
    public final ReactiveContext context;
    /** One for the accepts and the provisioning, as in the service. */
    public final AcceptPriority priority;
    public final AcceptJob accept;
    public final CreateAdmission create;
    public final DeleteAdmission delete;
    public final UpdateAdmission update;
    public final AdoptAdmission adopt;
    public final CreateServiceAdmission createService;
    public final UpdateServiceAdmission updateService;
    public final DeleteServiceAdmission deleteService;
    public final AdoptServiceAdmission adoptService;
    public final CancelJob cancel;
    public final ProvisionEndpoint provision;
    public final RunOperation operations;
    public final ReconcileDueJobs reconcile;
    public final WatchDrift drift;
    public final WatchServiceConnections watch;
    public final AcceptConnectionAdmission acceptConnection;
    public final RejectConnectionAdmission rejectConnection;
    /** A whole reconciler pass: due jobs, stale events, callbacks (to receivers answering 204), drift. */
    public final ReconcileJobs reconciler;
    public final RefusedRequests refusals;

    /** A valid CreateVpcEndpoint in demo-a's VPC; {@code %s} takes more fields (", \"ClientToken\": \"t\""). */
    public static final String CREATE = """
            {"RegionId": "cn-hangzhou", "VpcId": "vpc-demo01", "ServiceId": "epsrv-demo01",
             "SecurityGroupId": ["sg-demo01"], "Zone": [{"VSwitchId": "vsw-demo01h", "ZoneId": "cn-hangzhou-h"}]%s}""";

    static {
        // SmallRye's context manager is set up lazily and not thread-safely: two test classes that accept their first
        // job at once could both set it up (ContextManagerProvider already set). Class initialization runs once.
        io.smallrye.context.SmallRyeContextManagerProvider.getManager();
    }

    private final Vertx vertx = Vertx.vertx();

    public UseCases() {
        this(Map.of());
    }

    /** @param settings configuration beside the defaults, as application.properties would name it */
    public UseCases(Map<String, String> settings) {
        SmallRyeConfig smallrye = config(settings);
        config = smallrye.getConfigMapping(ProvisionerConfig.class);
        CallbacksConfig callbacks = smallrye.getConfigMapping(CallbacksConfig.class);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        views = new JobViews(json);
        context = new ReactiveContext(vertx);
        priority = new AcceptPriority(config);
        FailureClassifier failures = new FailureClassifier(new SimpleMeterRegistry());
        JobEventPublisher publisher = new JobEventPublisher(events.emitter(), jobs, config, context);
        RequestValidator validator = new RequestValidator();
        AccountPolicy accounts = new AccountPolicy(smallrye.getConfigMapping(AccountsConfig.class));
        ManagedTargets targets = new ManagedTargets(jobs);
        refusals = new RefusedRequests(jobs, publisher, clock);
        create = new CreateAdmission(validator, accounts, clouds);
        delete = new DeleteAdmission(validator, targets, clouds, jobs, publisher, clock);
        update = new UpdateAdmission(validator, targets, views);
        adopt = new AdoptAdmission(validator, accounts, jobs, clouds);
        ServiceTargets serviceTargets = new ServiceTargets(jobs);
        createService = new CreateServiceAdmission(validator, accounts, clouds);
        updateService = new UpdateServiceAdmission(validator, serviceTargets);
        deleteService = new DeleteServiceAdmission(validator, serviceTargets, clouds);
        adoptService = new AdoptServiceAdmission(validator, accounts, jobs, clouds);
        acceptConnection = new AcceptConnectionAdmission(validator, accounts, clouds, jobs);
        rejectConnection = new RejectConnectionAdmission(validator, accounts, clouds, jobs);
        accept = new AcceptJob(jobs, new ProvisionCommandSender(commands.emitter(), config), context, views, config,
                failures, priority, new CallbackTargets(callbacks, new CallbackSecrets(callbacks),
                        io.vertx.mutiny.core.Vertx.newInstance(vertx)), refusals, clock);
        cancel = new CancelJob(jobs, context, views, failures, publisher, clock);
        RetrySchedule schedule = new RetrySchedule(config);
        JobSteps steps = new JobSteps(views, schedule, smallrye.getConfigMapping(DriftConfig.class));
        OperationDecisions operationDecisions = new OperationDecisions(config, schedule);
        operations = new RunOperation(jobs, clouds, context, views, operationDecisions, steps, config, publisher,
                new RunServiceOperation(jobs, clouds, context, views, new ServiceDecisions(config, schedule),
                        operationDecisions, config, publisher, clock), clock);
        provision = new ProvisionEndpoint(jobs, clouds, context, views, new JobDecisions(config, schedule), steps,
                config, publisher, priority, operations, clock);
        drift = new WatchDrift(jobs, clouds, context, views, new JobCloudEvents(views, json), publisher,
                smallrye.getConfigMapping(DriftConfig.class), clock);
        reconcile = new ReconcileDueJobs(jobs, clouds, provision, operations, context, views,
                new JobDecisions(config, schedule), steps, config, publisher,
                io.opentelemetry.api.OpenTelemetry.noop().getTracer("use-cases"), priority, clock);
        watch = new WatchServiceConnections(jobs, clouds, context, views, new JobCloudEvents(views, json), publisher,
                accept, acceptConnection, rejectConnection, smallrye.getConfigMapping(DriftConfig.class), clock);
        reconciler = new ReconcileJobs(reconcile, jobs, context, config, publisher,
                new JobTelemetry(new SimpleMeterRegistry()), drift, watch,
                Receivers.answering204(new InMemoryOutbox(), callbacks, clock), priority, clock);
    }

    public static CreateVpcEndpointRequest createRequest(String more) {
        return RequestReader.read(CREATE.formatted(more).getBytes(StandardCharsets.UTF_8));
    }

    /** The caller's create, accepted: its JobId. */
    public String acceptedCreate() {
        return accept.fromCaller(create, createRequest(""), CALLER).await().atMost(Duration.ofSeconds(5)).jobId();
    }

    private static SmallRyeConfig config(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        // Nothing else runs here for accepts to go before, and no broker answers late but the one a test takes away.
        all.put("privatelink.accept.provisioning-yield", "0s");
        all.put("privatelink.accept.send-timeout", "200ms");
        all.put("privatelink.default-account", "demo-a");
        all.put("privatelink.accounts.\"demo-b\".role-arn", "acs:ram::2345678901234567:role/privatelink-provisioner");
        all.put("privatelink.tenants.\"" + TENANT + "\".default-account", "demo-a");
        all.put("privatelink.tenants.\"" + TENANT + "\".accounts", "demo-a,demo-b");
        all.putAll(settings);
        return TestConfig.of(all, ProvisionerConfig.class, AccountsConfig.class, CallbacksConfig.class,
                DriftConfig.class);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
