-- Where a job's events are POSTed (the caller's URL, or its tenant's default, as accepted) and which of them.
alter table vpc_endpoint_job add column notification_url text;
alter table vpc_endpoint_job add column notify_on varchar(16);

-- The callbacks' outbox: an event to deliver, written in the transaction of the state change it tells of, so that a
-- crash between the change and the delivery loses nothing. A job's deliveries go one at a time, in id order.
create table vpc_endpoint_callback (
    id              bigint generated always as identity primary key,
    job_id          varchar(64)  not null references vpc_endpoint_job (job_id),
    caller_tenant   varchar(255) not null,
    url             text         not null,
    -- The URL's host (lower case), so that deliveries are shared between receivers.
    host            varchar(255) not null,
    -- The CloudEvent's id, also the webhook-id: the same on every attempt, for the receiver to drop duplicates.
    event_id        varchar(64)  not null,
    event_type      varchar(64)  not null,
    payload         text         not null,
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    attempts        integer      not null default 0,
    -- Null while it is being delivered; Delivered, Refused (a 4xx) or GaveUp (give-up-after passed) once it ended.
    outcome         varchar(16),
    ended_at        timestamptz
);

create index vpc_endpoint_callback_due_idx on vpc_endpoint_callback (next_attempt_at) where outcome is null;
create index vpc_endpoint_callback_job_idx on vpc_endpoint_callback (job_id, id);

-- Every attempt, for the job's view and for whoever asks why a receiver did not hear.
create table vpc_endpoint_callback_attempt (
    id          bigint generated always as identity primary key,
    callback_id bigint      not null references vpc_endpoint_callback (id),
    at          timestamptz not null,
    -- The receiver's HTTP status; null when there was no answer (then error says why).
    status      integer,
    error       varchar(200),
    millis      integer     not null
);

create index vpc_endpoint_callback_attempt_idx on vpc_endpoint_callback_attempt (callback_id, id);
