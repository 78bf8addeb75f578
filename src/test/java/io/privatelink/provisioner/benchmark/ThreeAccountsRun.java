package io.privatelink.provisioner.benchmark;

import io.privatelink.provisioner.local.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.local.LocalIssuer;
import io.privatelink.provisioner.local.LocalStack;
import io.privatelink.fixtures.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Three accounts at once: account A gets 2,000 creates, B and C 10 each, sent while A's burst is being accepted;
 * each account limited to 50 creates/s and 100 polls/s by the simulator (each account its own limits), endpoints
 * Active 10 s after creation. Each account's drain against its own bound (n/limit + 10 s), the time to Active of B's
 * and C's jobs, and the throttled calls per account (the service's own count, privatelink.cloud.throttled).
 */
final class ThreeAccountsRun {

    static final int BIG = 2000;
    /** The small accounts' jobs all Active within this many seconds of their 202 (issue: a light serverless function). */
    static final int SMALL_WITHIN = 15;
    static final int SMALL = 10;
    /** B's and C's requests go once this many of A's have been accepted: behind A's commands, not before them. */
    static final int SMALL_AFTER = 300;
    static final String C_ACCOUNT_ID = "3456789012345678";
    static final String C_ROLE = "acs:ram::" + C_ACCOUNT_ID + ":role/privatelink-provisioner";

    /** An account of the run: its name in the service, its simulated account and its resources. */
    record Account(String name, String accountId, String vpc, String vSwitch, String securityGroup, String service,
            int jobs) {

        String body() {
            return """
                    {"RegionId": "cn-hangzhou", "VpcId": "%s", "ServiceId": "%s", "EndpointName": "bench",
                     "SecurityGroupId": ["%s"], "Zone": [{"VSwitchId": "%s", "ZoneId": "cn-hangzhou-h"}],
                     "Account": "%s", "ClientToken": "%s"}""".formatted(vpc, service, securityGroup, vSwitch, name,
                    UUID.randomUUID());
        }
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("demo-a", "1234567890123456", "vpc-demo01", "vsw-demo01h", "sg-demo01", "epsrv-demo01", BIG),
            new Account("demo-b", "2345678901234567", "vpc-demob01", "vsw-demob01h", "sg-demob01", "epsrv-demob01",
                    SMALL),
            new Account("demo-c", C_ACCOUNT_ID, "vpc-democ01", "vsw-democ01h", "sg-democ01", "epsrv-democ01", SMALL));

    private final ServiceBenchmark bench;
    private final Vertx vertx;
    private final Path out;

    ThreeAccountsRun(ServiceBenchmark bench, Vertx vertx, Path out) {
        this.bench = bench;
        this.vertx = vertx;
        this.out = out;
    }

    Map<String, Object> run(Consumer<String[]> add) throws Exception {
        Path data = Files.createTempDirectory(out, "stack-c-");
        try (LocalStack stack = LocalStack.start(data, ServiceBenchmark.ports(), ServiceBenchmark.ACTIVE_AFTER, true,
                seed(data))) {
            String limits = "{\"QpsLimits\": {\"CreateVpcEndpoint\": " + ServiceBenchmark.CREATE_LIMIT
                    + ", \"GetVpcEndpointAttribute\": " + ServiceBenchmark.GET_LIMIT + "}}";
            // Without an Account, the simulator's faults are each account's own: three limits, not one shared.
            ServiceBenchmark.simulator(stack, "PUT", "/_simulator/faults", limits);
            int port = FreePorts.next();
            Map<String, String> config = ServiceBenchmark.serviceConfig(stack, port);
            config.put("privatelink.cloud.rate-limits.CreateVpcEndpoint",
                    String.valueOf(ServiceBenchmark.CREATE_LIMIT * 0.98));
            config.put("privatelink.cloud.rate-limits.GetVpcEndpointAttribute",
                    String.valueOf(ServiceBenchmark.GET_LIMIT * 0.98));
            config.put("privatelink.accounts.\"demo-c\".role-arn", C_ROLE);
            config.put("privatelink.tenants.\"" + LocalIssuer.TENANT + "\".accounts", "demo-a,demo-b,demo-c");
            String token = stack.issuer().token("benchmark", LocalIssuer.TENANT, Duration.ofHours(2), "provisioner");
            Pool db = bench.pool(stack, false);
            Map<String, Object> result = new LinkedHashMap<>();
            try (ServiceProcess service = ServiceProcess.start(ServiceBenchmark.JVM, config,
                    out.resolve("service-c.log"))) {
                ServiceBenchmark.Http http = new ServiceBenchmark.Http(vertx, port, token, 64);
                bench.firstAccepted(service, http);
                warmUp(stack, db, http, limits);
                AtomicLong acceptedA = new AtomicLong();
                CompletableFuture<Long> small = new CompletableFuture<>();
                Account a = ACCOUNTS.get(0);
                long accepted = ServiceBenchmark.burst(a.jobs(), 64, () -> http.create(a.body()), () -> {
                    if (acceptedA.incrementAndGet() == SMALL_AFTER) {
                        new Thread(() -> {
                            try {
                                small.complete(ServiceBenchmark.burst(2 * SMALL, 20, new java.util.function.Supplier<>() {
                                    private int sent;

                                    @Override
                                    public io.vertx.core.Future<String> get() {
                                        return http.create(ACCOUNTS.get(1 + sent++ % 2).body());
                                    }
                                }, () -> {
                                }));
                            } catch (InterruptedException e) {
                                small.completeExceptionally(e);
                            }
                        }).start();
                    }
                });
                accepted += small.get();
                awaitAllEnded(db, accepted);
                for (Account account : ACCOUNTS) {
                    result.put(account.name(), figures(db, account, service, port, add));
                }
                timeline(db);
                http.close();
            }
            db.close();
            return result;
        }
    }

    /**
     * A warm service, as one in use is: each account's jobs as it makes them (A a burst of 100, B and C 30 each, a
     * few at a time), then every trace of them gone but what the service learnt.
     */
    private void warmUp(LocalStack stack, Pool db, ServiceBenchmark.Http http, String limits) throws Exception {
        for (Account account : ACCOUNTS) {
            boolean big = account.jobs() == BIG;
            ServiceBenchmark.burst(big ? 100 : 30, big ? 16 : 4, () -> http.create(account.body()), () -> {
            });
            awaitAllEnded(db, 0);
        }
        awaitAllEnded(db, 0);
        ServiceBenchmark.await(db.query("delete from vpc_endpoint_job_event").execute());
        ServiceBenchmark.await(db.query("delete from vpc_endpoint_job_history").execute());
        ServiceBenchmark.await(db.query("delete from managed_endpoint").execute());
        ServiceBenchmark.await(db.query("delete from vpc_endpoint_job").execute());
        ServiceBenchmark.simulator(stack, "POST", "/_simulator/reset", "");
        ServiceBenchmark.simulator(stack, "PUT", "/_simulator/faults", limits);
    }

    /** Until every job has ended (and, with {@code atLeast}, that many have been recorded). */
    private static void awaitAllEnded(Pool db, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Row row = ServiceBenchmark.await(db.query("select count(*) filter (where status not in ('Active', 'Failed')),"
                    + " count(*) from vpc_endpoint_job").execute()).iterator().next();
            if (row.getLong(0) == 0 && row.getLong(1) >= atLeast) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("jobs still running after 10 minutes");
    }

    /**
     * When the small accounts' jobs were accepted and begun against A's accept burst, from A's first 202: whether they
     * wait for the burst's end.
     */
    private static void timeline(Pool db) throws Exception {
        Row t = ServiceBenchmark.await(db.preparedQuery("""
                with a as (select min(created_at) as t0, max(created_at) as last from vpc_endpoint_job
                    where account = 'demo-a')
                select extract(epoch from a.last - a.t0), extract(epoch from min(j.created_at) - a.t0),
                    extract(epoch from max(j.created_at) - a.t0), extract(epoch from min(p.at) - a.t0),
                    extract(epoch from max(p.at) - a.t0)
                from a, vpc_endpoint_job j
                join lateral (select min(h.at) as at from vpc_endpoint_job_history h
                    where h.job_id = j.job_id and h.job_status = 'Provisioning') p on true
                where j.account <> 'demo-a'
                group by a.last, a.t0""").execute()).iterator().next();
        System.out.printf("from A's first 202: A's last 202 at %.1f s; B's and C's 202s at %.1f to %.1f s, their begins"
                + " at %.1f to %.1f s%n", t.getDouble(0), t.getDouble(1), t.getDouble(2), t.getDouble(3), t.getDouble(4));
    }

    private Map<String, Object> figures(Pool db, Account account, ServiceProcess service, int port,
            Consumer<String[]> add) throws Exception {
        Row row = ServiceBenchmark.await(db.preparedQuery("""
                select count(*) filter (where j.status = 'Active'), count(*) filter (where j.status = 'Failed'),
                    extract(epoch from max(h.at) - min(j.created_at)),
                    percentile_cont(0.5) within group (order by extract(epoch from h.at - j.created_at)),
                    max(extract(epoch from h.at - j.created_at))
                from vpc_endpoint_job j left join vpc_endpoint_job_history h
                    on h.job_id = j.job_id and h.job_status = 'Active'
                where j.account = $1""").execute(Tuple.of(account.name()))).iterator().next();
        // Where the time goes: 202 to the job's begin (Provisioning: a command or a reconciler pass took it), to the
        // create call's answer (Creating), and Creating to Active, medians.
        Row steps = ServiceBenchmark.await(db.preparedQuery("""
                select percentile_cont(0.5) within group (order by extract(epoch from c.at - j.created_at)),
                    percentile_cont(0.5) within group (order by extract(epoch from a.at - c.at)),
                    max(extract(epoch from c.at - j.created_at)),
                    percentile_cont(0.5) within group (order by extract(epoch from p.at - j.created_at)),
                    min(extract(epoch from p.at - j.created_at)), max(extract(epoch from p.at - j.created_at)),
                    percentile_cont(0.5) within group (order by j.polls)
                from vpc_endpoint_job j
                join vpc_endpoint_job_history c on c.job_id = j.job_id and c.job_status = 'Creating'
                join vpc_endpoint_job_history a on a.job_id = j.job_id and a.job_status = 'Active'
                join lateral (select min(h.at) as at from vpc_endpoint_job_history h
                    where h.job_id = j.job_id and h.job_status = 'Provisioning') p on true
                where j.account = $1""").execute(Tuple.of(account.name()))).iterator().next();
        System.out.printf("%s: 202 to Provisioning p50 %.1f s (%.1f to %.1f s), to Creating p50 %.1f s (max %.1f s),"
                + " Creating to Active p50 %.1f s in %.0f polls%n", account.name(), steps.getDouble(3),
                steps.getDouble(4), steps.getDouble(5), steps.getDouble(0), steps.getDouble(2), steps.getDouble(1),
                steps.getDouble(6));
        double drain = row.getDouble(2);
        double bound = (double) account.jobs() / ServiceBenchmark.CREATE_LIMIT
                + ServiceBenchmark.ACTIVE_AFTER.toSeconds();
        long throttled = throttled(port, account.name());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("jobs", account.jobs());
        figures.put("active", row.getLong(0));
        figures.put("failed", row.getLong(1));
        figures.put("drainSeconds", drain);
        figures.put("boundSeconds", bound);
        figures.put("boundOverActual", bound / drain);
        figures.put("p50SecondsToActive", row.getDouble(3));
        figures.put("maxSecondsToActive", row.getDouble(4));
        figures.put("throttledCalls", throttled);
        figures.put("p50SecondsToCreating", steps.getDouble(0));
        figures.put("p50SecondsToProvisioning", steps.getDouble(3));
        figures.put("maxSecondsToCreating", steps.getDouble(2));
        figures.put("p50SecondsCreatingToActive", steps.getDouble(1));
        add.accept(new String[] {"three accounts: " + account.name() + ", " + account.jobs() + " jobs (first 202 to last "
                + "Active)", String.format("%.1f s", drain), String.format("bound %.1f s", bound),
                String.format("%.2f", bound / drain), ">= 0.9", bound / drain >= 0.9 ? "met" : "not met"});
        if (account.jobs() == SMALL) {
            add.accept(new String[] {"  " + account.name() + ": 202 to Active, p50 / max",
                    String.format("%.1f s / %.1f s", row.getDouble(3), row.getDouble(4)), "", "",
                    "max <= " + SMALL_WITHIN + " s", row.getDouble(4) <= SMALL_WITHIN ? "met" : "not met"});
        }
        add.accept(new String[] {"  " + account.name() + ": cloud calls throttled", String.valueOf(throttled), "", "",
                "0", throttled == 0 ? "met" : "not met"});
        return figures;
    }

    /** The service's count of throttled answers in this account, from its Prometheus metrics. */
    private static long throttled(int port, String account) throws Exception {
        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("privatelink_cloud_throttled_total{") && line.contains("account=\"" + account + "\"")) {
                // The value, before any exemplar (" # {trace_id=...} 1.0 <time>").
                sum += Double.parseDouble(line.substring(line.indexOf('}') + 1).trim().split(" ")[0]);
            }
        }
        return (long) sum;
    }

    /** The default seed and a third account, C, with its own VPC, vSwitch, security group, service and role. */
    private static Path seed(Path data) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode seed;
        try (var in = io.privatelink.simulator.PrivateLinkSimulator.class
                .getResourceAsStream("/simulator/default-seed.json")) {
            seed = (ObjectNode) json.readTree(in);
        }
        ObjectNode c = ((ObjectNode) seed.withArray("Accounts").get(0)).deepCopy();
        c.put("AccountId", C_ACCOUNT_ID);
        String text = json.writeValueAsString(c).replace("demob01", "democ01").replace("10.20.", "10.30.");
        ((ArrayNode) seed.withArray("Accounts")).add(json.readTree(text));
        ((ArrayNode) seed.withArray("Roles")).addObject().put("RoleArn", C_ROLE).put("RoleId", "300800000000000021");
        Path file = data.resolve("three-accounts-seed.json");
        Files.writeString(file, json.writeValueAsString(seed));
        return file;
    }
}
