-- The Alibaba account a job acts in (privatelink.accounts), and the one a managed endpoint lives in. '' for what was
-- recorded before accounts: the default account.
alter table vpc_endpoint_job add column account varchar(64) not null default '';
alter table managed_endpoint add column account varchar(64) not null default '';
