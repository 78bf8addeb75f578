package io.privatelink.provisioner.callbacks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The URL a job's events go to, checked by {@link TargetRules} with its host resolved: at acceptance (a refused URL
 * is a 400 IllegalParam.NotificationUrl) and again before each attempt, whose connection goes to the address that
 * passed, so that a name that resolves elsewhere in between (DNS rebinding) reaches nothing it should not.
 */
@ApplicationScoped
public class CallbackTargets {

    /** Where an attempt connects: the URL, its host (an IPv6 literal without brackets), the address that passed. */
    record Target(URI uri, String host, InetAddress address) {
    }

    private final TargetRules rules;
    private final CallbackSecrets secrets;
    private final Vertx vertx;

    public CallbackTargets(CallbacksConfig config, CallbackSecrets secrets, Vertx vertx) {
        this.rules = new TargetRules(config);
        this.secrets = secrets;
        this.vertx = vertx;
    }

    /**
     * The URL a new job of {@code tenant} is to be notified at: the request's, or the tenant's default; checked.
     * Null when there is none.
     */
    public Uni<String> forJob(String tenant, String requested) {
        String url = requested != null ? requested : secrets.defaultUrl(tenant);
        if (url == null) {
            return Uni.createFrom().nullItem();
        }
        if (!secrets.canSign(tenant)) {
            return Uni.createFrom().failure(ApiErrors.notificationUrlRefused(
                    "no signing secret is configured for the caller's tenant (privatelink.callbacks)"));
        }
        return target(url).replaceWith(url).onFailure(TargetRules.Refused.class)
                .transform(e -> ApiErrors.notificationUrlRefused(e.getMessage()));
    }

    /** The URL checked, its host resolved now and its address checked; fails with {@link TargetRules.Refused}. */
    Uni<Target> target(String url) {
        URI uri;
        try {
            uri = rules.check(url);
        } catch (TargetRules.Refused e) {
            return Uni.createFrom().failure(e);
        }
        String host = bare(uri.getHost());
        return vertx.executeBlocking(() -> resolve(host), false)
                .map(addresses -> new Target(uri, host, rules.pick(host, addresses)));
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new TargetRules.Refused("its host " + host + " does not resolve");
        }
    }

    /** An IPv6 literal's host without its brackets. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
