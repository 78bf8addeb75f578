package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whose a managed service is: a tenant's, every caller of it alike; without a tenant, its own caller's alone. */
class ManagedServiceTest {

    static ManagedService of(String subject, String tenant) {
        ManagedService m = new ManagedService();
        m.callerSubject = subject;
        m.callerTenant = tenant;
        return m;
    }

    @Test
    void aTenantsServiceIsEveryCallerOfTheTenantsAndNoOneElses() {
        assertTrue(of("alice", "team-a").ownedBy(new JobOwner("bob", "team-a")));
        assertFalse(of("alice", "team-a").ownedBy(new JobOwner("alice", "team-b")));
    }

    @Test
    void withoutATenantOnlyItsOwnCallersAsABlankTenantIsNoTeam() {
        assertTrue(of("topic:vpc-endpoint.requests", "").ownedBy(JobOwner.topic("vpc-endpoint.requests")));
        assertFalse(of("alice", "").ownedBy(new JobOwner("bob", "")));
    }
}
