-- The outbox of vpc-endpoint.events: a CloudEvent per state change, written in the transaction of the change and
-- published in order per job, so that no change is lost between the database and the broker.
create table vpc_endpoint_job_event (
    id           bigint generated always as identity primary key,
    job_id       varchar(64)  not null references vpc_endpoint_job (job_id),
    event_type   varchar(64)  not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);

create index vpc_endpoint_job_event_pending_idx on vpc_endpoint_job_event (job_id, id) where published_at is null;
