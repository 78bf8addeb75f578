package io.privatelink.provisioner.cloud;

import java.util.Optional;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.STSAssumeRoleSessionCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.profile.IClientProfile;

import io.privatelink.provisioner.config.AccountsConfig;

/**
 * The SDK clients of the accounts: the service's own credentials (an AccessKey pair, or the SDK's default chain), and
 * for an account with a RAM role, the SDK's own STS assume-role provider on top of them, which caches the temporary
 * credentials and assumes the role again before they expire. No secret leaves the SDK's objects.
 */
final class SdkClients {

    /** How long assumed credentials last; the SDK refreshes them before the end. */
    private static final int SESSION_SECONDS = 3600;
    private static final String SESSION_NAME = "privatelink-provisioner";

    private SdkClients() {
    }

    /** An account's SDK client and its credentials. */
    record Sdk(IAcsClient client, RenewableCredentials credentials) {
    }

    static Sdk forAccount(CloudConfig config, Optional<AccountsConfig.Account> account) {
        DefaultProfile profile = DefaultProfile.getProfile(config.region());
        HttpClientConfig http = HttpClientConfig.getDefault();
        http.setConnectionTimeoutMillis(config.connectTimeout().toMillis());
        http.setReadTimeoutMillis(config.readTimeout().toMillis());
        http.setMaxRequests(config.maxConcurrentCalls());
        http.setMaxRequestsPerHost(config.maxConcurrentCalls());
        profile.setHttpClientConfig(http);
        try {
            AlibabaCloudCredentialsProvider own = config.accessKeyId().isPresent()
                    ? new StaticCredentialsProvider(new BasicCredentials(config.accessKeyId().get(),
                            config.accessKeySecret().orElse("")))
                    : new DefaultCredentialsProvider();
            Optional<String> role = account.flatMap(AccountsConfig.Account::roleArn);
            RenewableCredentials credentials = new RenewableCredentials(role.isEmpty() ? () -> own
                    : () -> assumed(profile, own, config, role.get(), account.flatMap(AccountsConfig.Account::externalId)));
            return new Sdk(new DefaultAcsClient(profile, credentials), credentials);
        } catch (ClientException e) {
            throw new CloudException(e.getErrCode(), e.getErrMsg(), 400, null);
        }
    }

    private static AlibabaCloudCredentialsProvider assumed(IClientProfile profile, AlibabaCloudCredentialsProvider own,
            CloudConfig config, String roleArn, Optional<String> externalId) {
        STSAssumeRoleSessionCredentialsProvider.Builder assume = STSAssumeRoleSessionCredentialsProvider.builder()
                .credentialsProvider(own).roleArn(roleArn).roleSessionName(SESSION_NAME)
                .durationSeconds(SESSION_SECONDS);
        externalId.ifPresent(assume::externalId);
        return assume.build().withSTSClient(new StsClient(profile, own, config));
    }

    /**
     * The client the assume-role provider calls STS with. The SDK's AssumeRoleRequest always asks for HTTPS at STS's
     * own endpoint; where privatelink.cloud names another endpoint (the simulator, which answers STS too) or
     * sts-endpoint, the request goes there, over the configured protocol.
     */
    static final class StsClient extends DefaultAcsClient {

        private final CloudConfig config;

        StsClient(IClientProfile profile, AlibabaCloudCredentialsProvider credentials, CloudConfig config) {
            super(profile, credentials);
            this.config = config;
        }

        @Override
        public <T extends AcsResponse> T getAcsResponse(AcsRequest<T> request) throws ServerException, ClientException {
            Optional<String> endpoint = config.stsEndpoint().or(config::endpoint);
            if (endpoint.isPresent()) {
                request.setSysEndpoint(endpoint.get());
                request.setSysProtocol(ProtocolType.valueOf(config.protocol().toUpperCase(java.util.Locale.ROOT)));
            }
            return super.getAcsResponse(request);
        }
    }
}
