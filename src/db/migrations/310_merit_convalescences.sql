-- Convalescence received (issue 12 item 4): one row a person and year, at home or at a centre
-- (Decree 75/2021 Art. 6), recorded by the commune after the fact. The yearly list reads the last
-- year a person received it to tell who is due (every year, or every two years, by the
-- Ordinance's category articles; src/law/merit-lists.ts).
create table merit_convalescences (
  province_code text not null,
  unit_id int not null references units(id),
  person_id int not null references persons(id),
  year int not null check (year between 2021 and 2100),
  kind text not null constraint merit_convalescences_kind check (kind in ('home', 'centre')),
  recorded_at timestamptz not null default now(),
  recorded_by text,
  primary key (province_code, person_id, year)
);
create index merit_convalescences_unit on merit_convalescences (unit_id, year);

alter table merit_convalescences enable row level security;
create policy merit_convalescences_scope on merit_convalescences to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert, update on merit_convalescences to ansinh_app;
