-- Photos and documents of a housing case per stage (issue 13 item 1): the survey's photos of the
-- house, the approval, the started and finished works, the handover record. The type is read from
-- the file's bytes (PDF, JPEG, PNG: src/citizens/commands.ts documentType), never from its name;
-- at most 5 MB a file; a file belongs to a stage the case has reached. Scoped by unit_id.
create table housing_case_documents (
  id serial primary key,
  case_id int not null references housing_cases(id),
  unit_id int not null references units(id),
  stage text not null check (stage in ('surveyed', 'approved', 'started', 'completed', 'handed_over')),
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size int not null check (size > 0 and size <= 5242880),
  sha256 text not null,
  content bytea not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);
create index housing_case_documents_case on housing_case_documents (case_id, stage);
alter table housing_case_documents enable row level security;
create policy housing_case_documents_scope on housing_case_documents to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert on housing_case_documents to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
