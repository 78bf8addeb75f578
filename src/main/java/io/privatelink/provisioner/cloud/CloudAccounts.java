package io.privatelink.provisioner.cloud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.privatelink.provisioner.config.AccountsConfig;

/**
 * The cloud in each account the service acts in (AccountsConfig): a {@link PrivateLinkClient} per account, each with
 * its own credentials (its role assumed through STS) and its own pacing, so that one account throttled never slows
 * another. Made at the first use, not at start: an API instance serves its hot paths without the cloud, and building
 * the SDK's clients (its HTTP client, TLS and JSON stacks) at start cost every cold start CPU and the AOT cache classes.
 * Their SDK clients are built on the call threads, off whichever thread asked first.
 */
@ApplicationScoped
public class CloudAccounts implements Clouds {

    private final Map<String, AliyunPrivateLinkClient> clients = new LinkedHashMap<>();
    private final String defaultAccount;
    private final ExecutorService calls;
    /** Releases the accounts' paced calls in their turns. */
    private final ScheduledExecutorService turns = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "privatelink-cloud-turns");
        t.setDaemon(true);
        return t;
    });

    public CloudAccounts(CloudConfig cloud, AccountsConfig accounts, ObjectMapper json, MeterRegistry metrics,
            Tracer tracer) {
        this.defaultAccount = accounts.defaultAccount();
        // One pool for every account's calls: the SDK blocks a thread per call.
        this.calls = Executors.newFixedThreadPool(cloud.maxConcurrentCalls(), r -> {
            Thread t = new Thread(r, "privatelink-cloud-call");
            t.setDaemon(true);
            return t;
        });
        Map<String, AccountsConfig.Account> named = new LinkedHashMap<>(accounts.accounts());
        if (!named.containsKey(defaultAccount)) {
            clients.put(defaultAccount, client(cloud, defaultAccount, Optional.empty(), json, metrics, tracer));
        }
        named.forEach((name, account) -> clients.put(name, client(cloud, name, Optional.of(account), json, metrics,
                tracer)));
    }

    private AliyunPrivateLinkClient client(CloudConfig cloud, String name, Optional<AccountsConfig.Account> account,
            ObjectMapper json, MeterRegistry metrics, Tracer tracer) {
        // By action in any case: an account's own limit replaces the service-wide one however each was written.
        Map<String, Double> limits = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        limits.putAll(cloud.rateLimits());
        account.ifPresent(a -> limits.putAll(a.rateLimits()));
        return new AliyunPrivateLinkClient(cloud, name, limits, () -> SdkClients.forAccount(cloud, account), calls,
                turns, json, metrics, tracer);
    }

    @Override
    public PrivateLinkClient of(String account, String tenant) {
        return account(account).sharedBy(tenant == null ? "" : tenant);
    }

    private AliyunPrivateLinkClient account(String account) {
        AliyunPrivateLinkClient client = clients.get(account == null || account.isEmpty() ? defaultAccount : account);
        if (client == null) {
            throw new CloudException("InvalidAccount.NotFound", "The account " + account + " is not configured.", 400,
                    null);
        }
        return client;
    }

    @PreDestroy
    void close() {
        calls.shutdown();
        turns.shutdown();
        clients.values().forEach(AliyunPrivateLinkClient::close);
    }
}
