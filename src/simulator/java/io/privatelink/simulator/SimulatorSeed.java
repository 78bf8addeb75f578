package io.privatelink.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulated account's resources, read from a JSON file: what exists before any endpoint is created. Optional
 * attributes default to the ordinary case (available, supported, authorized), so a seed names only what differs.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SimulatorSeed(
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("Regions") List<Region> regions,
        @JsonProperty("Vpcs") List<Vpc> vpcs,
        @JsonProperty("VSwitches") List<VSwitch> vSwitches,
        @JsonProperty("SecurityGroups") List<SecurityGroup> securityGroups,
        @JsonProperty("Services") List<Service> services,
        @JsonProperty("Quotas") Quotas quotas,
        @JsonProperty("Roles") List<Role> roles,
        /** Further accounts, each with its own resources (and the first account's quotas where it names none). */
        @JsonProperty("Accounts") List<SimulatorSeed> accounts) {

    /** Every account this seed describes, the first one (this seed's own) first. */
    public List<SimulatorSeed> allAccounts() {
        List<SimulatorSeed> all = new java.util.ArrayList<>();
        all.add(this);
        if (accounts != null) {
            for (SimulatorSeed other : accounts) {
                all.add(new SimulatorSeed(other.accountId(), other.regions() != null ? other.regions() : regions,
                        orEmpty(other.vpcs()), orEmpty(other.vSwitches()), orEmpty(other.securityGroups()),
                        orEmpty(other.services()), other.quotas() != null ? other.quotas() : quotas, roles, null));
            }
        }
        return all;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public static final String DEFAULT_RESOURCE = "/simulator/default-seed.json";

    public record Region(@JsonProperty("RegionId") String regionId, @JsonProperty("Zones") List<String> zones) {
    }

    public record Vpc(@JsonProperty("VpcId") String vpcId, @JsonProperty("RegionId") String regionId,
            @JsonProperty("DualStack") boolean dualStack) {
    }

    public record VSwitch(@JsonProperty("VSwitchId") String vSwitchId, @JsonProperty("VpcId") String vpcId,
            @JsonProperty("ZoneId") String zoneId, @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("Ipv6CidrBlock") String ipv6CidrBlock,
            @JsonProperty("FreeIpCount") Integer freeIpCount,
            @JsonProperty("Status") String status) {

        public boolean available() {
            return status == null || "Available".equals(status);
        }
    }

    public record SecurityGroup(@JsonProperty("SecurityGroupId") String securityGroupId,
            @JsonProperty("VpcId") String vpcId, @JsonProperty("Type") String type) {
    }

    public record Service(@JsonProperty("ServiceId") String serviceId, @JsonProperty("ServiceName") String serviceName,
            @JsonProperty("RegionId") String regionId, @JsonProperty("ServiceType") String serviceType,
            @JsonProperty("Zones") List<String> zones,
            @JsonProperty("AutoAcceptEnabled") boolean autoAcceptEnabled,
            @JsonProperty("DualStack") boolean dualStack,
            @JsonProperty("Status") String status,
            @JsonProperty("Deleted") boolean deleted,
            @JsonProperty("AuthorizedAccounts") List<String> authorizedAccounts,
            @JsonProperty("OneEndpointPerVpc") boolean oneEndpointPerVpc,
            @JsonProperty("PolicySupported") Boolean policySupported,
            @JsonProperty("PrivateDomainStatus") String privateDomainStatus,
            @JsonProperty("Resources") List<Resource> resources,
            @JsonProperty("ServiceResourceType") String serviceResourceType,
            @JsonProperty("Payer") String payer,
            @JsonProperty("ServiceDescription") String serviceDescription,
            @JsonProperty("ZoneAffinityEnabled") boolean zoneAffinityEnabled,
            @JsonProperty("ServiceSupportIPv6") boolean serviceSupportIPv6,
            @JsonProperty("ConnectBandwidth") Integer connectBandwidth) {

        public boolean active() {
            return status == null || "Active".equals(status);
        }
    }

    /** A backend resource behind a service (an ALB, CLB or NLB instance). */
    public record Resource(@JsonProperty("ResourceType") String resourceType,
            @JsonProperty("ResourceId") String resourceId, @JsonProperty("Supported") Boolean supported,
            @JsonProperty("ZoneId") String zoneId) {
    }

    public record Quotas(@JsonProperty("TotalEpPerVpc") int totalEpPerVpc,
            @JsonProperty("EpZonePerEndpoint") int epZonePerEndpoint,
            @JsonProperty("IpPerEndpoint") int ipPerEndpoint,
            @JsonProperty("TotalIdleEndpoint") int totalIdleEndpoint) {
    }

    /**
     * A RAM role STS may hand out credentials for: its ARN (acs:ram::&lt;account&gt;:role/&lt;name&gt;), an ExternalId the
     * caller must give (optional), and whether assuming it is allowed at all (a role the caller may not assume
     * answers NoPermission).
     */
    public record Role(@JsonProperty("RoleArn") String roleArn, @JsonProperty("RoleId") String roleId,
            @JsonProperty("ExternalId") String externalId, @JsonProperty("Assumable") Boolean assumableFlag) {

        public boolean assumable() {
            return assumableFlag == null || assumableFlag;
        }
    }

    public static SimulatorSeed read(ObjectMapper json, Path file) {
        try (InputStream in = file == null ? SimulatorSeed.class.getResourceAsStream(DEFAULT_RESOURCE)
                : Files.newInputStream(file)) {
            return json.readValue(in, SimulatorSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator seed " + (file == null ? DEFAULT_RESOURCE : file), e);
        }
    }
}
