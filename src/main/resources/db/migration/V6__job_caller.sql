-- Each job belongs to the caller that asked for it (subject and tenant claims of its token; '' when there is none).
-- ClientToken idempotency is scoped per caller, so the cloud call can no longer carry the caller's token: two callers
-- may use the same one. A job's cloud_token is what every cloud call of the job carries; jobs recorded before this
-- migration keep their ClientToken there, so a job in flight across the upgrade still makes one endpoint.
alter table vpc_endpoint_job add column caller_subject varchar(255) not null default '';
alter table vpc_endpoint_job add column caller_tenant varchar(255) not null default '';
alter table vpc_endpoint_job add column cloud_token varchar(64);
update vpc_endpoint_job set cloud_token = client_token;
alter table vpc_endpoint_job alter column cloud_token set not null;

alter table vpc_endpoint_job drop constraint vpc_endpoint_job_client_token_key;
alter table vpc_endpoint_job add constraint vpc_endpoint_job_caller_client_token_key
    unique (caller_tenant, caller_subject, client_token);

-- A caller's own list, newest first.
create index vpc_endpoint_job_caller_created_idx
    on vpc_endpoint_job (caller_tenant, caller_subject, created_at desc, job_id desc);
