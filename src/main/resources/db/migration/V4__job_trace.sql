-- The W3C traceparent of the request that created the job, so the reconciler's later polls join the same trace.
alter table vpc_endpoint_job add column trace_parent varchar(64);
