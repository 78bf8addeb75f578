package io.privatelink.provisioner.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulated account's resources, read from a JSON file: what exists before any endpoint is created. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SimulatorSeed(
        @JsonProperty("Regions") List<Region> regions,
        @JsonProperty("Vpcs") List<Vpc> vpcs,
        @JsonProperty("VSwitches") List<VSwitch> vSwitches,
        @JsonProperty("SecurityGroups") List<SecurityGroup> securityGroups,
        @JsonProperty("Services") List<Service> services,
        @JsonProperty("Quotas") Quotas quotas) {

    public static final String DEFAULT_RESOURCE = "/simulator/default-seed.json";

    public record Region(@JsonProperty("RegionId") String regionId, @JsonProperty("Zones") List<String> zones) {
    }

    public record Vpc(@JsonProperty("VpcId") String vpcId, @JsonProperty("RegionId") String regionId,
            @JsonProperty("DualStack") boolean dualStack) {
    }

    public record VSwitch(@JsonProperty("VSwitchId") String vSwitchId, @JsonProperty("VpcId") String vpcId,
            @JsonProperty("ZoneId") String zoneId, @JsonProperty("CidrBlock") String cidrBlock) {
    }

    public record SecurityGroup(@JsonProperty("SecurityGroupId") String securityGroupId,
            @JsonProperty("VpcId") String vpcId, @JsonProperty("Type") String type) {
    }

    public record Service(@JsonProperty("ServiceId") String serviceId, @JsonProperty("ServiceName") String serviceName,
            @JsonProperty("RegionId") String regionId, @JsonProperty("ServiceType") String serviceType,
            @JsonProperty("Zones") List<String> zones, @JsonProperty("AutoAcceptEnabled") boolean autoAcceptEnabled) {
    }

    public record Quotas(@JsonProperty("TotalEpPerVpc") int totalEpPerVpc,
            @JsonProperty("EpZonePerEndpoint") int epZonePerEndpoint) {
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
