-- The yearly publication of a fund's receipts and spending (Decree 03/2026/NĐ-CP: by 31/3 of the
-- next year): the officer marks a fund's year published; the home reminder (funds_to_publish)
-- no longer counts that fund for that year. Once per fund and year. Scoped by unit_id.
create table fund_publications (
  id serial primary key,
  fund_id int not null references funds(id),
  unit_id int not null references units(id),
  year int not null check (year between 2000 and 2100),
  published_on date not null,
  published_by text not null,
  created_at timestamptz not null default now(),
  unique (fund_id, year)
);
alter table fund_publications enable row level security;
create policy fund_publications_scope on fund_publications to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert on fund_publications to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
