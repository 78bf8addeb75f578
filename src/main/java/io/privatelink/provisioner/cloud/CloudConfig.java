package io.privatelink.provisioner.cloud;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How to reach Alibaba Cloud PrivateLink. Without an AccessKey pair the SDK's default credential chain is used. */
@ConfigMapping(prefix = "privatelink.cloud")
public interface CloudConfig {

    /** The region of the SDK profile; every request still carries its own RegionId. */
    @WithDefault("cn-hangzhou")
    String region();

    /** host:port that replaces privatelink.&lt;region&gt;.aliyuncs.com, for the simulator. */
    Optional<String> endpoint();

    @WithDefault("HTTPS")
    String protocol();

    /**
     * host:port of STS, for the accounts reached through a RAM role; by default the endpoint above when it is set (the
     * simulator answers STS too), else STS's own.
     */
    Optional<String> stsEndpoint();

    Optional<String> accessKeyId();

    Optional<String> accessKeySecret();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    /**
     * Calls a second each action may make (e.g. rate-limits."CreateVpcEndpoint"=50); actions not named are not paced.
     * Set them a little under the account's API rate limit.
     */
    Map<String, Double> rateLimits();

    /** Cloud calls in flight at once; the SDK blocks a thread per call, so this is also the size of its pool. */
    @WithDefault("32")
    int maxConcurrentCalls();
}
