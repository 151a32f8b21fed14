-- Complaints, denunciations and petitions (issue 14 item 4): received at the counter or by
-- letter, classified by kind (each with the deadline rules of its law: src/law/deadlines.ts),
-- accepted, extended (a denunciation: at most twice, Law on Denunciations 2018 Art. 30) and
-- settled. The due dates are computed by the law rules and stored with the rule's code so that
-- a list sorts and a report counts in SQL; the rule is re-read on the record page. Scoped to the
-- commune by row-level security. Vocabularies: src/citizens/complaints.ts.
create table complaints (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  kind text not null check (kind in ('complaint', 'denunciation', 'petition')),
  round int not null default 1 check (round between 1 and 2),
  channel text not null check (channel in ('counter', 'letter', 'online')),
  complainant text not null check (length(complainant) between 2 and 120),
  contact text not null default '' check (length(contact) <= 300),
  subject text not null check (length(subject) between 10 and 4000),
  concerns text check (length(concerns) <= 200),
  received_on date not null,
  accept_due date,
  accept_rule text,
  state text not null default 'received' check (state in ('received', 'accepted', 'settled')),
  accepted_on date,
  complex boolean not null default false,
  remote boolean not null default false,
  settle_due date,
  settle_rule text,
  extensions int not null default 0 check (extensions between 0 and 2),
  settled_on date,
  outcome text check (length(outcome) <= 4000),
  recorded_by text not null,
  created_at timestamptz not null default now(),
  check (kind = 'complaint' or round = 1),
  check (state = 'received' or accepted_on is not null),
  check (state <> 'settled' or (settled_on is not null and length(trim(outcome)) >= 10))
);
create index complaints_unit on complaints (unit_id, state, received_on);

alter table complaints enable row level security;
create policy complaints_scope on complaints to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert, update on complaints to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
