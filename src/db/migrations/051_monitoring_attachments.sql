-- Evidence attached to a unit's report for a period (minutes of the poverty review, a list
-- signed by the commune): size-limited and type-checked by the application (PDF, JPEG, PNG,
-- Word, Excel, at most 2 MB each), stored in the database so that backups carry them.
create table monitoring_attachments (
  id serial primary key,
  unit_id int not null references units(id),
  period text not null check (period ~ '^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$'),
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null,
  size int not null check (size > 0 and size <= 2097152),
  sha256 text not null,
  content bytea not null,
  uploaded_by int,
  uploaded_at timestamptz not null default now()
);
create index monitoring_attachments_unit_period on monitoring_attachments(unit_id, period);
alter table monitoring_attachments enable row level security;
create policy monitoring_attachments_scope on monitoring_attachments to ansinh_app
  using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
grant select, insert, update, delete on monitoring_attachments to ansinh_app;
grant usage, select on sequence monitoring_attachments_id_seq to ansinh_app;
