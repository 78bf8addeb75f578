-- The endpoint's whole life: a job is one operation (Create, Delete, Update, Adopt) on one managed endpoint.
-- resource_key names the endpoint across its operations: the JobId of the job that brought it under management (its
-- create or adopt job); null on that job itself. Operations with one key run one at a time in the order accepted
-- (seq), so seq comes from an identity, not from the clock.
alter table vpc_endpoint_job add column operation varchar(16) not null default 'Create';
alter table vpc_endpoint_job add column resource_key varchar(64);
alter table vpc_endpoint_job add column seq bigint generated always as identity;
-- Past this instant the job fails with ProvisioningTimeout, whatever its state (the caller's Deadline, or the
-- operation's default from the moment it started).
alter table vpc_endpoint_job add column deadline_at timestamptz;
-- The changes an operation has applied so far (JSON array of step names), for its history and its failure's message.
alter table vpc_endpoint_job add column applied_json text;

create index vpc_endpoint_job_resource_idx on vpc_endpoint_job ((coalesce(resource_key, job_id)), seq);

-- The reconciler's due index, now over every state that still moves.
drop index vpc_endpoint_job_due_idx;
create index vpc_endpoint_job_due_idx on vpc_endpoint_job (next_attempt_at)
    where status in ('Accepted', 'Queued', 'Provisioning', 'Creating', 'Deleting', 'Updating', 'Adopting');

-- An endpoint the service manages: made by a create job (once Active) or adopted; what the caller wants of it, what
-- the cloud last showed, and how the two differ.
create table managed_endpoint (
    resource_key    varchar(64)  primary key,
    region_id       varchar(64)  not null,
    endpoint_id     varchar(128) not null,
    caller_subject  varchar(255) not null,
    caller_tenant   varchar(255) not null,
    status          varchar(16)  not null,
    desired_json    text         not null,
    observed_json   text,
    observed_at     timestamptz,
    drift_json      text,
    next_observe_at timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

-- One live record per cloud endpoint; a deleted one keeps its row (its jobs still name it).
create unique index managed_endpoint_live_idx on managed_endpoint (endpoint_id) where status <> 'Deleted';
create index managed_endpoint_owner_idx on managed_endpoint (caller_tenant, caller_subject, created_at desc, resource_key desc);
create index managed_endpoint_created_idx on managed_endpoint (created_at desc, resource_key desc);
create index managed_endpoint_observe_idx on managed_endpoint (next_observe_at) where status = 'Active';
