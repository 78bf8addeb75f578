package io.privatelink.provisioner.api;

import java.util.regex.Pattern;

/**
 * The forms every string parameter is held to before anything can fail on it (a column's length, PostgreSQL's refusal
 * of NUL): one bound per kind of value, at least as strict as the column that stores it.
 */
public final class ParameterForms {

    /**
     * A resource id (RegionId, VpcId, ServiceId, vSwitch, zone, security group, resource group): 1 to 64 letters,
     * digits, dots, underscores and hyphens, starting with a letter or digit. Alibaba's own ids (vpc-bp1..., cn-hangzhou-h)
     * are far shorter; 64 is the narrowest column that holds one.
     */
    public static final String RESOURCE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** An endpoint service's name (com.aliyuncs.privatelink.<region>.<service id>): the same characters, up to 128. */
    public static final String SERVICE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    /** An error code, as a filter of ListVpcEndpointJobs (the column holds 128). */
    public static final String ERROR_CODE = "[A-Za-z0-9._-]{1,128}";
    /** Free text (a description, a tag): anything but control characters, tab, CR and LF excepted. */
    public static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    /** A ClientToken: 1 to 64 printable ASCII characters, as the API says, not all of them spaces. */
    public static final int MAX_NOTIFICATION_URL = 2048;
    /** An http(s) URL of printable ASCII without spaces; which hosts it may name is the callbacks' rule. */
    public static final String NOTIFICATION_URL = "(?i)https?://[\\x21-\\x7E]{1,2040}";
    public static final String NOTIFY_ON = "Terminal|EveryState";
    public static final String CLIENT_TOKEN = "(?=.*[\\x21-\\x7E])[\\x20-\\x7E]{1,64}";

    /** A Deadline, in seconds from acceptance: at least 10 seconds, at most a week. */
    public static final long MIN_DEADLINE = 10;
    public static final long MAX_DEADLINE = 7 * 24 * 3600;
    /** An AcceptanceDeadline, in seconds from the endpoint's Active: at least 10 seconds, at most 30 days. */
    public static final long MAX_ACCEPTANCE_DEADLINE = 30 * 24 * 3600;
    /** A connection's bandwidth in Mbit/s, as EnableVpcEndpointConnection takes it (NLB's range, the widest). */
    public static final long MIN_CONNECTION_BANDWIDTH = 100;
    public static final long MAX_CONNECTION_BANDWIDTH = 50000;
    /** A backend resource's type, as an endpoint service takes it. */
    public static final String SERVICE_RESOURCE_TYPE = "slb|alb|nlb|gwlb";
    /** An Alibaba Cloud account's id (a UserId of a service's allowed users). */
    public static final String ACCOUNT_ID = "[0-9]{1,32}";
    public static final String PAYER = "Endpoint|EndpointService";
    public static final String ADDRESS_IP_VERSION = "IPv4|DualStack";
    /** A service holds at most 20 resources (10 given at its creation); allowed users are bounded here, at 100. */
    public static final int MAX_SERVICE_RESOURCES = 20;
    public static final int MAX_RESOURCES_AT_CREATION = 10;
    public static final int MAX_SERVICE_USERS = 100;
    public static final int MAX_SERVICE_DESCRIPTION = 256;
    /** A service's default bandwidth per connection in Mbit/s (UpdateVpcEndpointServiceAttribute's range). */
    public static final long MIN_CONNECT_BANDWIDTH = 100;
    public static final long MAX_CONNECT_BANDWIDTH = 10240;
    /** Why an owner decided as it did, kept in the job's history. */
    public static final int MAX_REASON = 256;
    /** What a create waits for: its endpoint Active, or its connection Connected too (the default). */
    public static final String WAIT_FOR_ENDPOINT = "Endpoint";
    public static final String WAIT_FOR = WAIT_FOR_ENDPOINT + "|Connection";

    // Compiled once: the status function checks its JobId on every poll.
    private static final Pattern RESOURCE_ID_FORM = Pattern.compile(RESOURCE_ID);
    private static final Pattern ERROR_CODE_FORM = Pattern.compile(ERROR_CODE);
    private static final Pattern CLIENT_TOKEN_FORM = Pattern.compile(CLIENT_TOKEN);

    private ParameterForms() {
    }

    public static boolean isResourceId(String text) {
        return text != null && RESOURCE_ID_FORM.matcher(text).matches();
    }

    public static boolean isErrorCode(String text) {
        return text != null && ERROR_CODE_FORM.matcher(text).matches();
    }

    public static boolean isClientToken(String text) {
        return text != null && CLIENT_TOKEN_FORM.matcher(text).matches();
    }
}
