package io.privatelink.provisioner.cloud;

/**
 * The cloud in each account the service acts in: the use cases' one way to it (Crossplane's external client), the
 * SDK in the service ({@link CloudAccounts}), an in-memory cloud in their unit tests.
 */
public interface Clouds {

    /**
     * The cloud in this account ("" for jobs recorded before accounts: the default account), its calls made for
     * {@code tenant}, whose turns they take among the account's other tenants.
     *
     * @throws CloudException InvalidAccount.NotFound for an account not configured
     */
    PrivateLinkClient of(String account, String tenant);
}
