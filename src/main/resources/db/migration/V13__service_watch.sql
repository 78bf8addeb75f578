-- The watch over each managed service's connections: when it looks next, and the connections it knows (each one's
-- status, since when it waits for a decision, and what the acceptance policy did about it), as JSON by EndpointId.
alter table managed_service add column next_watch_at timestamptz;
alter table managed_service add column connections_json text;
create index managed_service_watch_idx on managed_service (next_watch_at) where status = 'Active';
