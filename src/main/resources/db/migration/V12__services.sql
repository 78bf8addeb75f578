-- An endpoint service the service manages for its owner's tenant (made by a CreateVpcEndpointService job, or adopted):
-- what the owner wants of it and what the cloud last showed (attributes, resources, allowed users, connections). Its
-- jobs are rows of vpc_endpoint_job whose endpoint_id holds the ServiceId and resource_key this row's key.
create table managed_service (
    resource_key   varchar(64)  primary key,
    account        varchar(64)  not null default '',
    region_id      varchar(64)  not null,
    service_id     varchar(128) not null,
    caller_subject varchar(255) not null,
    caller_tenant  varchar(255) not null,
    status         varchar(16)  not null,
    desired_json   text         not null,
    observed_json  text,
    observed_at    timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

-- One live record per cloud service; a deleted one keeps its row (its jobs still name it).
create unique index managed_service_live_idx on managed_service (service_id) where status <> 'Deleted';
create index managed_service_tenant_idx on managed_service (caller_tenant, created_at desc, resource_key desc);
create index managed_service_created_idx on managed_service (created_at desc, resource_key desc);
