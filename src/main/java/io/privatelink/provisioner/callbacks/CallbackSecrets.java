package io.privatelink.provisioner.callbacks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.privatelink.provisioner.config.CallbacksConfig;
import io.quarkus.runtime.StartupEvent;

/** Each tenant's signing keys (its own secrets, or the service's default ones) and default NotificationUrl. */
@ApplicationScoped
public class CallbackSecrets {

    private final CallbacksConfig config;
    private final Map<String, List<byte[]>> keys = new ConcurrentHashMap<>();

    public CallbackSecrets(CallbacksConfig config) {
        this.config = config;
    }

    /** A malformed signing secret stops the start, rather than refusing its tenant's first NotificationUrl. */
    void check(@Observes StartupEvent start) {
        verify();
    }

    /**
     * @throws IllegalStateException naming the setting (never the secret) of the first secret that is not a key
     */
    void verify() {
        config.secrets().ifPresent(secrets -> verify("privatelink.callbacks.secrets", secrets));
        config.tenants().forEach((tenant, own) -> own.secrets()
                .ifPresent(secrets -> verify("privatelink.callbacks.tenants.\"" + tenant + "\".secrets", secrets)));
    }

    private static void verify(String setting, List<String> secrets) {
        for (int i = 0; i < secrets.size(); i++) {
            try {
                WebhookSignature.key(secrets.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + ", secret " + (i + 1) + " of " + secrets.size() + ": "
                        + e.getMessage());
            }
        }
    }

    /** The tenant's keys, the first first; empty when it has none (then its jobs cannot ask for callbacks). */
    List<byte[]> keys(String tenant) {
        return keys.computeIfAbsent(tenant, t -> secrets(t).stream().map(WebhookSignature::key).toList());
    }

    boolean canSign(String tenant) {
        return !keys(tenant).isEmpty();
    }

    /** The URL of the tenant's jobs whose request names none; null when it has none. */
    public String defaultUrl(String tenant) {
        CallbacksConfig.Tenant own = config.tenants().get(tenant);
        return own == null ? null : own.notificationUrl().orElse(null);
    }

    private List<String> secrets(String tenant) {
        CallbacksConfig.Tenant own = config.tenants().get(tenant);
        Optional<List<String>> secrets = own == null ? Optional.empty() : own.secrets();
        return secrets.or(config::secrets).orElse(List.of());
    }
}
