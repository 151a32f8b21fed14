-- Emergency relief (issue 13 item 2): an event (storm, flood, landslide, fire…) recorded by a unit
-- with its date, and relief entries per registry household: the support type of Decree 20/2021
-- Chapter III, the entitlement read from law data (src/law/relief.ts) with its status and basis,
-- and the date support was given, so the time from the event to each household's support is a
-- figure. Scoped by unit_id (sub-select form of migration 069). Vocabularies: src/law/relief.ts.
create table relief_events (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  kind text not null check (kind in ('storm', 'flood', 'landslide', 'fire', 'drought', 'other')),
  name text not null check (length(btrim(name)) > 0),
  date date not null,
  recorded_by text not null,
  created_at timestamptz not null default now()
);
create table relief_entries (
  id serial primary key,
  event_id int not null references relief_events(id),
  unit_id int not null references units(id),
  household_id int not null references households(id),
  support_type text not null check (support_type in ('food', 'injury', 'funeral', 'house_lost', 'relocation', 'house_damaged')),
  persons int not null default 1 check (persons >= 0),
  amount bigint check (amount >= 0),
  rice_kg int check (rice_kg >= 0),
  level_status text not null check (level_status in ('known', 'unverified', 'unknown')),
  level_basis text,
  supported_on date,
  recorded_by text not null,
  created_at timestamptz not null default now()
);
create unique index relief_entries_once on relief_entries (event_id, household_id, support_type);

alter table relief_events enable row level security;
create policy relief_events_scope on relief_events to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table relief_entries enable row level security;
create policy relief_entries_scope on relief_entries to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert, update on relief_events, relief_entries to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
