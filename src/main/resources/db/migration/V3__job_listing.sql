-- ListVpcEndpointJobs pages newest first by (created_at, job_id); each filter has an index in that order, so a page is
-- an index range scan, never a scan of the table.
create index vpc_endpoint_job_created_idx on vpc_endpoint_job (created_at desc, job_id desc);
create index vpc_endpoint_job_status_created_idx on vpc_endpoint_job (status, created_at desc, job_id desc);
create index vpc_endpoint_job_vpc_created_idx on vpc_endpoint_job (vpc_id, created_at desc, job_id desc);
create index vpc_endpoint_job_region_created_idx on vpc_endpoint_job (region_id, created_at desc, job_id desc);
create index vpc_endpoint_job_error_created_idx on vpc_endpoint_job (error_code, created_at desc, job_id desc)
    where error_code is not null;
