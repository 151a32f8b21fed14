-- The registry's per-commune person counts, kept as persons change (issue 18 item 7). The
-- registry home counted the living and insured persons of the commune on every view and the
-- person list counted the whole commune for every page: 204,000 index entries each time, 55 ms
-- and 28 ms of database time per request of the 1M-person load benchmark, the two largest costs
-- after the search. Statement-level triggers with transition tables add each statement's
-- difference per unit (one row per unit touched, not per person), so a bulk import of 200,000
-- persons costs one grouped insert. The row of a unit is locked by the writing transaction until
-- it commits: writers to one commune's persons take turns (they did already on its households).
create table unit_person_counts (
  unit_id int primary key references units(id),
  persons int not null default 0,
  living int not null default 0,
  insured int not null default 0
);

-- Security definer: the counts are written whatever the writer's row-level scope (the app role
-- only reads them, after the route has checked the unit). One function per event: each names
-- only the transition tables its event has. Rows are added in unit order (no deadlock between
-- two statements touching the same communes).
create function ansinh_person_counts_insert() returns trigger
  language plpgsql security definer
  set search_path = public
as $$
begin
  insert into unit_person_counts as c (unit_id, persons, living, insured)
    select unit_id, sum(n)::int, sum(l)::int, sum(i)::int from (
      select unit_id, 1 as n, (death_date is null)::int as l, (death_date is null and health_insurance)::int as i from new_rows
    ) d group by unit_id having sum(n) <> 0 or sum(l) <> 0 or sum(i) <> 0 order by unit_id
  on conflict (unit_id) do update set persons = c.persons + excluded.persons, living = c.living + excluded.living, insured = c.insured + excluded.insured;
  return null;
end $$;

create function ansinh_person_counts_delete() returns trigger
  language plpgsql security definer
  set search_path = public
as $$
begin
  insert into unit_person_counts as c (unit_id, persons, living, insured)
    select unit_id, sum(n)::int, sum(l)::int, sum(i)::int from (
      select unit_id, -1 as n, -(death_date is null)::int as l, -(death_date is null and health_insurance)::int as i from old_rows
    ) d group by unit_id having sum(n) <> 0 or sum(l) <> 0 or sum(i) <> 0 order by unit_id
  on conflict (unit_id) do update set persons = c.persons + excluded.persons, living = c.living + excluded.living, insured = c.insured + excluded.insured;
  return null;
end $$;

create function ansinh_person_counts_update() returns trigger
  language plpgsql security definer
  set search_path = public
as $$
begin
  insert into unit_person_counts as c (unit_id, persons, living, insured)
    select unit_id, sum(n)::int, sum(l)::int, sum(i)::int from (
      select unit_id, 1 as n, (death_date is null)::int as l, (death_date is null and health_insurance)::int as i from new_rows
      union all
      select unit_id, -1 as n, -(death_date is null)::int as l, -(death_date is null and health_insurance)::int as i from old_rows
    ) d group by unit_id having sum(n) <> 0 or sum(l) <> 0 or sum(i) <> 0 order by unit_id
  on conflict (unit_id) do update set persons = c.persons + excluded.persons, living = c.living + excluded.living, insured = c.insured + excluded.insured;
  return null;
end $$;

create function ansinh_person_counts_truncate() returns trigger
  language plpgsql security definer
  set search_path = public
as $$
begin
  delete from unit_person_counts;
  return null;
end $$;

create trigger persons_counts_insert after insert on persons referencing new table as new_rows
  for each statement execute function ansinh_person_counts_insert();
create trigger persons_counts_delete after delete on persons referencing old table as old_rows
  for each statement execute function ansinh_person_counts_delete();
create trigger persons_counts_update after update on persons referencing old table as old_rows new table as new_rows
  for each statement execute function ansinh_person_counts_update();
create trigger persons_counts_truncate after truncate on persons
  for each statement execute function ansinh_person_counts_truncate();

-- The persons already in the registry.
insert into unit_person_counts (unit_id, persons, living, insured)
  select unit_id, count(*), count(*) filter (where death_date is null), count(*) filter (where death_date is null and health_insurance)
  from persons group by unit_id;

grant select on unit_person_counts to ansinh_app;
revoke insert, update, delete, truncate on unit_person_counts from ansinh_app;
