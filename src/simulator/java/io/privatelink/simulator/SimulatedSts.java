package io.privatelink.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.privatelink.simulator.SimulatorSeed.Role;

/**
 * STS (version 2015-04-01) on the same server: AssumeRole of the roles the seed names hands out temporary credentials
 * (AccessKeyId, AccessKeySecret, SecurityToken, Expiration), which the gateway then accepts in place of an AccessKey
 * pair, with their SecurityToken, until they expire. They live in memory: a restart forgets them, as if they had run
 * out.
 */
final class SimulatedSts {

    static final String VERSION = "2015-04-01";
    static final List<String> ACTIONS = List.of("AssumeRole", "GetCallerIdentity");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w.@-]{2,64}");
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Credentials handed out for a role. */
    record Issued(String accessKeyId, String secret, String token, Instant expiration, Role role, String session) {
    }

    private final SimulatorSeed seed;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> byAccessKeyId = new ConcurrentHashMap<>();

    SimulatedSts(SimulatorSeed seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    Map<String, Object> dispatch(String action, Map<String, String> p, String callerAccessKeyId) {
        return switch (action) {
            case "AssumeRole" -> assumeRole(p);
            case "GetCallerIdentity" -> callerIdentity(callerAccessKeyId);
            default -> throw SeedErrors.of("InvalidAction.NotFound");
        };
    }

    private Map<String, Object> assumeRole(Map<String, String> p) {
        String arn = RpcParameters.required(p, "RoleArn");
        String session = RpcParameters.required(p, "RoleSessionName");
        if (!SESSION_NAME.matcher(session).matches()) {
            throw SeedErrors.of("InvalidParameter.RoleSessionName");
        }
        long seconds;
        try {
            seconds = Long.parseLong(p.getOrDefault("DurationSeconds", "3600"));
        } catch (NumberFormatException e) {
            throw SeedErrors.of("InvalidParameter.DurationSeconds");
        }
        if (seconds < 900 || seconds > 43_200) {
            throw SeedErrors.of("InvalidParameter.DurationSeconds");
        }
        Role role = (seed.roles() == null ? List.<Role> of() : seed.roles()).stream()
                .filter(r -> r.roleArn().equals(arn)).findFirst()
                .orElseThrow(() -> SeedErrors.of("EntityNotExist.Role", arn));
        if (!role.assumable() || role.externalId() != null && !role.externalId().equals(p.get("ExternalId"))) {
            throw SeedErrors.of("NoPermission");
        }
        Instant expiration = clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        Issued issued = new Issued("STS." + token(24), token(40), token(320), expiration, role, session);
        byAccessKeyId.put(issued.accessKeyId(), issued);
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("AccessKeyId", issued.accessKeyId());
        credentials.put("AccessKeySecret", issued.secret());
        credentials.put("SecurityToken", issued.token());
        credentials.put("Expiration", expiration.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AssumedRoleUser", Map.of("Arn", arn.replace(":role/", ":assumed-role/") + "/" + session,
                "AssumedRoleId", role.roleId() + ":" + session));
        body.put("Credentials", credentials);
        return body;
    }

    private Map<String, Object> callerIdentity(String accessKeyId) {
        Issued issued = byAccessKeyId.get(accessKeyId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AccountId", issued == null ? seed.accountId() : accountOf(issued.role()));
        body.put("IdentityType", issued == null ? "Account" : "AssumedRoleUser");
        body.put("Arn", issued == null ? "acs:ram::" + seed.accountId() + ":root"
                : issued.role().roleArn().replace(":role/", ":assumed-role/") + "/" + issued.session());
        return body;
    }

    /** The account a caller acts in: that of the role its credentials are for; null for a configured AccessKey. */
    String accountOf(String accessKeyId) {
        Issued issued = accessKeyId == null ? null : byAccessKeyId.get(accessKeyId);
        return issued == null ? null : accountOf(issued.role());
    }

    private static String accountOf(Role role) {
        String[] parts = role.roleArn().split(":");
        return parts.length > 3 ? parts[3] : "";
    }

    /**
     * The secret of credentials STS handed out, checked against their SecurityToken; empty for a key it never issued.
     *
     * @throws SimulatorException MissingSecurityToken, InvalidSecurityToken.MismatchWithAccessKey or
     *         InvalidSecurityToken.Expired
     */
    Optional<String> secretOf(String accessKeyId, String securityToken, Instant now) {
        Issued issued = accessKeyId == null ? null : byAccessKeyId.get(accessKeyId);
        if (issued == null) {
            return Optional.empty();
        }
        if (securityToken == null || securityToken.isEmpty()) {
            throw SeedErrors.of("MissingSecurityToken");
        }
        if (!issued.token().equals(securityToken)) {
            throw SeedErrors.of("InvalidSecurityToken.MismatchWithAccessKey");
        }
        if (!now.isBefore(issued.expiration())) {
            throw SeedErrors.of("InvalidSecurityToken.Expired");
        }
        return Optional.of(issued.secret());
    }

    /** The secrets and security tokens handed out so far, for tests that look for leaks. */
    List<String> issuedSecrets() {
        return byAccessKeyId.values().stream().flatMap(i -> java.util.stream.Stream.of(i.secret(), i.token())).toList();
    }

    /** Every credential handed out expires now, as if its hour had passed (for tests of expiry). */
    void expireAll() {
        Instant now = clock.instant();
        byAccessKeyId.replaceAll((id, i) -> new Issued(i.accessKeyId(), i.secret(), i.token(), now, i.role(), i.session()));
    }

    /** How many credentials are still valid, for the state view. */
    long valid() {
        Instant now = clock.instant();
        return byAccessKeyId.values().stream().filter(i -> now.isBefore(i.expiration())).count();
    }

    private String token(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}
