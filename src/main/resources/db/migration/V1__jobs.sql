create table vpc_endpoint_job (
    job_id              varchar(64)  primary key,
    client_token        varchar(64)  not null,
    request_fingerprint varchar(64)  not null,
    request_json        text         not null,
    status              varchar(16)  not null,
    region_id           varchar(64)  not null,
    vpc_id              varchar(128) not null,
    endpoint_id         varchar(128),
    endpoint_json       text,
    error_code          varchar(128),
    error_message       text,
    attempts            integer      not null default 0,
    polls               integer      not null default 0,
    not_found_polls     integer      not null default 0,
    next_attempt_at     timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    constraint vpc_endpoint_job_client_token_key unique (client_token)
);

-- The reconciler's question, "which unfinished jobs are due?", answered from a small partial index.
create index vpc_endpoint_job_due_idx on vpc_endpoint_job (next_attempt_at)
    where status in ('Accepted', 'Provisioning', 'Creating');

create table vpc_endpoint_job_history (
    id         bigint generated always as identity primary key,
    job_id     varchar(64) not null references vpc_endpoint_job (job_id),
    job_status varchar(16) not null,
    at         timestamptz not null,
    detail     text
);

create index vpc_endpoint_job_history_job_idx on vpc_endpoint_job_history (job_id, id);
