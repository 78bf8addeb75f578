-- Polls that met a retryable error in a row: they back off like create calls, apart from the polling interval.
alter table vpc_endpoint_job add column poll_failures integer not null default 0;
