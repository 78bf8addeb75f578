package io.privatelink.provisioner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the functions pace, retry and give up. */
@ConfigMapping(prefix = "privatelink")
public interface ProvisionerConfig {

    Accept accept();

    Retry retry();

    Reconciler reconciler();

    interface Accept {
        /** Longest an accept may take before it answers 503; nothing half-done is left behind. */
        @WithDefault("5s")
        Duration timeout();

        /** How long the 202 waits for the broker's ack before leaving the send to the reconciler. */
        @WithDefault("3s")
        Duration sendTimeout();

        /**
         * A job still Accepted this long after acceptance is started by the reconciler itself: its command was lost,
         * or waits in the commands topic behind a burst's (first come first served), while the reconciler takes due
         * jobs in turns per account and tenant. This bounds how long a request waits behind another's burst; a
         * command consumed in time (milliseconds, without a burst) leaves the reconciler nothing to do.
         */
        @WithDefault("1s")
        Duration resendAfter();

        /**
         * Statements of accepts (each a batch of new jobs) that may use the database at once, of its DB_POOL_SIZE
         * connections; accepts that arrive meanwhile wait in memory and go in the next batch, and the work that moves
         * accepted jobs on always finds a connection.
         */
        @WithDefault("4")
        int batchesInFlight();

        /** The most new jobs one statement writes. */
        @WithDefault("64")
        int batchRows();

        /**
         * While callers' accepts are under way, the provisioning work of the same process waits before each job for
         * at most this long (AcceptPriority); 0 turns the priority off.
         */
        @WithDefault("1s")
        Duration provisioningYield();

        /** The Retry-After a caller gets while its job runs. */
        @WithDefault("3")
        int retryAfterSeconds();
    }

    interface Retry {
        @WithDefault("1s")
        Duration baseDelay();

        @WithDefault("60s")
        Duration maxDelay();

        /** Past this since acceptance, a create call still failing with retryable errors fails the job. */
        @WithDefault("10m")
        Duration createDeadline();

        /** Past this since the create call, an endpoint not yet Active fails the job (its EndpointId kept). */
        @WithDefault("15m")
        Duration activeDeadline();

        @WithDefault("3s")
        Duration firstPoll();

        @WithDefault("10s")
        Duration maxPoll();

        /**
         * How long a create waits in AwaitingAcceptance for the service's owner to accept its connection, from the
         * poll that found it waiting; a request's AcceptanceDeadline replaces it.
         */
        @WithDefault("7d")
        Duration acceptanceDeadline();

        /**
         * The first look at a connection waiting for a person, and the longest between looks (the waits grow by half
         * each look): slow, as a person's decision is, and through the account's pacing like every call.
         */
        @WithDefault("10s")
        Duration acceptancePoll();

        @WithDefault("5m")
        Duration acceptanceMaxPoll();

        /** EndpointNotFound tolerated this many times after a create, as the API is eventually consistent. */
        @WithDefault("20")
        int notFoundPolls();

        /** Tries of a record from vpc-endpoint.requests while the database is away, before it is dead-lettered. */
        @WithDefault("20")
        int requestAttempts();

        /**
         * Past this since it started (left Accepted or Queued), an operation on an endpoint (delete, update, adopt)
         * fails with ProvisioningTimeout; a request's Deadline replaces it.
         */
        @WithDefault("15m")
        Duration operationDeadline();

        /**
         * How long an operation waits after a change before it looks at the endpoint again, and between looks while
         * the endpoint, a zone or a security group is on its way (Terraform's waiter polls no more often than 3 s).
         */
        @WithDefault("3s")
        Duration settle();

        /** How often an operation queued behind another on the same endpoint looks again (the other's end wakes it). */
        @WithDefault("30s")
        Duration queuedRecheck();

        /** How long a create call may be in flight before the reconciler assumes its caller died. */
        @WithDefault("60s")
        Duration callLease();
    }

    interface Reconciler {
        /** How often the in-process timer runs a pass; "off" for push-driven deployments. */
        @WithDefault("1s")
        String every();

        /**
         * A create call that would wait longer than this for its turn in its account's pacing is left waiting while
         * the in-process consumer (or reconciler) goes on with the next command (of another account, perhaps): one
         * account's burst never holds the workers that another account's requests wait for. The call's lease covers
         * its wait. By default any wait: four consumers each waiting one 20 ms slot of a 50/s account would still
         * hold every command behind the burst for its whole drain. The in-process reconciler leaves polls so too;
         * it claims no more than {@link #perAccount()} of an account's jobs a pass, so they never pile up.
         */
        @WithDefault("0s")
        Duration handOffAfter();

        /**
         * Jobs of one account one pass claims at most (its turns with the others' come first): so that a pass never
         * queues much more of an account's calls than its limits let go before the next pass. As large as a pass by
         * default; at 100 a single account's drain of 2,000 took 66 s instead of 59 s in the benchmark, the pass
         * being slower than its calls.
         */
        @WithDefault("200")
        int perAccount();

        /**
         * Jobs of one account a pass claims at most while callers' accepts are under way (AcceptPriority): a short
         * pass, each account's next jobs in their turns, so that a burst's jobs neither hold another account's due
         * ones behind them nor take the accepts' CPU.
         */
        @WithDefault("4")
        int perAccountWhileAccepting();

        /** Jobs one pass claims at most. */
        @WithDefault("200")
        int batchSize();

        /** Cloud polls one pass runs at once. */
        @WithDefault("16")
        int concurrency();

        /**
         * A platform's timer fires once a minute at most: on its tick, passes run this often while jobs fall due,
         * for up to {@link #drainFor()}, so that an endpoint's polls keep their pace between ticks.
         */
        @WithDefault("2s")
        Duration drainEvery();

        @WithDefault("50s")
        Duration drainFor();
    }
}
