package io.privatelink.provisioner.fakes;

import java.util.LinkedHashMap;
import java.util.Map;

import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.PrivateLinkClient;

/** The accounts' clouds in memory: one {@link InMemoryCloud} per named account; any other is not configured. */
public final class InMemoryClouds implements Clouds {

    private final Map<String, InMemoryCloud> accounts = new LinkedHashMap<>();
    private final String defaultAccount;

    public InMemoryClouds(String defaultAccount, String... others) {
        this.defaultAccount = defaultAccount;
        accounts.put(defaultAccount, new InMemoryCloud());
        for (String other : others) {
            accounts.put(other, new InMemoryCloud());
        }
    }

    public InMemoryCloud account(String account) {
        return accounts.get(account);
    }

    @Override
    public PrivateLinkClient of(String account, String tenant) {
        InMemoryCloud cloud = accounts.get(account == null || account.isEmpty() ? defaultAccount : account);
        if (cloud == null) {
            throw new CloudException("InvalidAccount.NotFound", "The account " + account + " is not configured.", 400,
                    null);
        }
        return cloud;
    }
}
