-- A ClientToken is scoped per caller and per account, as the cloud scopes it per account: the same token in two
-- accounts makes two jobs. Jobs recorded before accounts keep '' (the default account).
alter table vpc_endpoint_job drop constraint vpc_endpoint_job_caller_client_token_key;
alter table vpc_endpoint_job add constraint vpc_endpoint_job_caller_account_client_token_key
    unique (caller_tenant, caller_subject, account, client_token);
