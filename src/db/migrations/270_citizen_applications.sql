-- Applications filed by citizens (issue 14 item 2): online from the public page or at the
-- commune's one-stop desk, for one procedure of src/citizens/procedures.ts, with their documents
-- (type checked by content, size bounded, kept in the database so that backups carry them). A
-- tracking code (12 Crockford base-32 characters, 60 random bits) lets the applicant follow the
-- status without an account. The commune chair's decision (grant, or refusal with written
-- reasons) is recorded once; a grant of monthly social assistance links the registry's benefit
-- decision (benefit_decisions) that the payroll reads. Scoped to the commune by row-level
-- security (sub-select form of migration 069); the public intake and the status page run as the
-- owner through narrow store functions (src/citizens/store.ts). Vocabularies:
-- src/citizens/model.ts (test/vocabularies.test.ts).
create table citizen_applications (
  id serial primary key,
  tracking_code text not null unique check (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  province_code text not null,
  unit_id int not null references units(id),
  procedure text not null check (procedure in ('tro-cap-xa-hoi-hang-thang', 'tro-cap-huu-tri-xa-hoi', 'ho-tro-mai-tang')),
  channel text not null check (channel in ('online', 'counter')),
  applicant_name text not null check (length(applicant_name) between 2 and 120),
  personal_id text not null check (personal_id ~ '^[0-9]{12}$'),
  birth_date date not null,
  phone text check (phone ~ '^0[0-9]{9,10}$'),
  address text not null default '' check (length(address) <= 300),
  note text not null default '' check (length(note) <= 2000),
  received_on date not null,
  received_by text,
  state text not null default 'received' check (state in ('received', 'granted', 'refused')),
  decided_on date,
  decision_number text check (length(decision_number) <= 60),
  signer text check (length(signer) <= 120),
  reasons text check (length(reasons) <= 4000),
  person_id int references persons(id),
  benefit_decision_id int references benefit_decisions(id),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check (state = 'received' or (decided_on is not null and signer is not null)),
  check (state <> 'refused' or length(trim(reasons)) >= 10)
);
create index citizen_applications_unit on citizen_applications (unit_id, state, received_on);

create table citizen_application_documents (
  id serial primary key,
  application_id int not null references citizen_applications(id),
  unit_id int not null,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size int not null check (size > 0 and size <= 5242880),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null default now()
);
create index citizen_application_documents_app on citizen_application_documents (application_id);

alter table citizen_applications enable row level security;
create policy citizen_applications_scope on citizen_applications to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table citizen_application_documents enable row level security;
create policy citizen_application_documents_scope on citizen_application_documents to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert, update on citizen_applications to ansinh_app;
grant select, insert on citizen_application_documents to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
