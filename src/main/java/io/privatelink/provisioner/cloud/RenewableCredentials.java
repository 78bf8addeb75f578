package io.privatelink.provisioner.cloud;

import java.util.function.Supplier;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;

/**
 * An account's credentials that can be renewed at once. The SDK's assume-role provider refreshes on its own clock
 * (at 80% of the session); when the cloud says the token it holds has expired sooner (revoked, or a clock apart), the
 * provider is replaced so that the next call assumes the role again. Only a caller that saw the current provider
 * replaces it, so that a burst of calls failing together assumes the role once.
 */
final class RenewableCredentials implements AlibabaCloudCredentialsProvider {

    /** Which provider a call used, to renew only that one. */
    record Generation(Object provider) {
    }

    private final Supplier<AlibabaCloudCredentialsProvider> make;
    private volatile AlibabaCloudCredentialsProvider current;

    RenewableCredentials(Supplier<AlibabaCloudCredentialsProvider> make) {
        this.make = make;
        this.current = make.get();
    }

    @Override
    public AlibabaCloudCredentials getCredentials() throws ClientException, ServerException {
        return current.getCredentials();
    }

    Generation generation() {
        return new Generation(current);
    }

    /** Drops the provider a failed call used; a later one already put in place stays. */
    synchronized void renew(Generation seen) {
        if (seen.provider() == current) {
            current = make.get();
        }
    }
}
