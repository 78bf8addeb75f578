-- A create now waits for its connection in AwaitingAcceptance, a longer name than any state before; a service owner's
-- decisions on connections are jobs too (Accepting, Rejecting).
alter table vpc_endpoint_job alter column status type varchar(32);
alter table vpc_endpoint_job_history alter column job_status type varchar(32);

-- The reconciler's due index, over every state that still moves (JobStatus.MOVING_SQL).
drop index vpc_endpoint_job_due_idx;
create index vpc_endpoint_job_due_idx on vpc_endpoint_job (next_attempt_at)
    where status in ('Accepted', 'Queued', 'Provisioning', 'Creating', 'AwaitingAcceptance', 'Deleting', 'Updating', 'Adopting', 'Accepting', 'Rejecting');
