-- Beneficiaries who move to another commune (issue 6 part 6; docs/registry.md "Moves"). The
-- person's row follows them to the new commune, so under row-level security the old commune,
-- which holds the benefit decision and pays, no longer sees them, and the new commune does not
-- see the old commune's decision. This function gives each side what it needs to act on the
-- move, and nothing else of the record: the person's id and name, the date the person left the
-- commune of the decision, the two communes, and (to the old commune only) the active decision.
--
-- For a commune p_unit inside the caller's scope (nothing otherwise), one row per person:
--  * old side (from_unit_id = p_unit): the person has a benefit decision in p_unit and now lives
--    in another commune; decision_id is the person's active decision (latest by start month and
--    id, not a stop) when it is one of p_unit's, else null (stopped, or superseded elsewhere:
--    the name still labels p_unit's proposals and payroll lines);
--  * new side (to_unit_id = p_unit): the person lives in p_unit and the latest decision is
--    another commune's, either active or a stop that took effect after the move; decision_id is
--    null (the new commune does not read the old commune's decision).
-- old_active (both sides): the old commune's decision is still the active one (no stop yet):
-- the new commune's start waits for it (Decree 20/2021: the old place stops and sends the file).
-- stopped_from (both sides): the first month the old commune no longer pays, once its stop is
-- the latest decision: the new commune's start may not begin before it (two communes paying).
-- moved_on is the recorded date (Vietnam time) of the first version after the last version
-- recorded in the old commune (person_versions; the date of the first version when the person
-- was never recorded there).
-- A person's latest benefit decision (by start month, then id): the active one unless it is a
-- stop. The one place of this rule in SQL; an invoker function (the caller's row-level scope
-- applies) that the planner inlines into a lateral join.
create or replace function ansinh_latest_decision(p_person int) returns setof benefit_decisions
  language sql stable
  as $$ select * from benefit_decisions where person_id = p_person order by start_month desc, id desc limit 1 $$;

create or replace function ansinh_moved_beneficiaries(p_unit int)
  returns table (person_id int, full_name text, moved_on date, from_unit_id int, from_unit_name text, to_unit_id int, to_unit_name text, decision_id int, old_active boolean, stopped_from int)
  language sql stable security definer
  set search_path = public
  as $$
    with latest as (
      select p.id as person_id, a.id, a.unit_id, a.kind, a.start_month
      from persons p
      join lateral ansinh_latest_decision(p.id) a on true
      where ansinh_in_scope(p_unit) and p.unit_id = p_unit and a.unit_id <> p_unit
    ),
    pairs as (
      select distinct d.person_id, d.unit_id as from_unit from benefit_decisions d join persons p on p.id = d.person_id
        where ansinh_in_scope(p_unit) and d.unit_id = p_unit and p.unit_id <> p_unit
      union
      select l.person_id, l.unit_id from latest l
    ),
    moved as (
      select x.person_id, x.from_unit,
        (select (min(v.recorded_at) at time zone 'Asia/Ho_Chi_Minh')::date from person_versions v
          where v.person_id = x.person_id
            and v.version > coalesce((select max(o.version) from person_versions o where o.person_id = x.person_id and o.unit_id = x.from_unit), 0)) as moved_on
      from pairs x
    )
    select p.id, p.full_name, m.moved_on, m.from_unit, fu.name, p.unit_id, tu.name,
      case when m.from_unit = p_unit and a.kind <> 'stop' and a.unit_id = p_unit then a.id end,
      a.kind <> 'stop' and a.unit_id = m.from_unit,
      case when a.kind = 'stop' and a.unit_id = m.from_unit then a.start_month end
    from moved m
    join persons p on p.id = m.person_id
    join units fu on fu.id = m.from_unit
    join units tu on tu.id = p.unit_id
    join lateral ansinh_latest_decision(p.id) a on true
    where (m.from_unit = p_unit
        or a.kind <> 'stop'
        or a.start_month >= extract(year from m.moved_on)::int * 100 + extract(month from m.moved_on)::int)
    order by p.id
  $$;

revoke all on function ansinh_moved_beneficiaries(int) from public;
grant execute on function ansinh_moved_beneficiaries(int) to ansinh_app;
