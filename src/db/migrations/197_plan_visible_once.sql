-- Plans and their targets readable under row-level security with the scope evaluated once per
-- query (issue 18, the load goal), as migration 069 did for every other policy. The read policy
-- of 040 called ansinh_plan_visible(unit_id) for each row: the unit in scope, or an ancestor of
-- a unit in scope (a commune reads its province's programme), a function call and a sub-query per
-- row: 4.4 ms for a commune's plan list, 5 ms for its dashboard's targets. Same meaning: the units
-- above the scope are computed once (an InitPlan: every ancestor of every unit in scope, former
-- units of the lineage included, as units.ancestors holds them), then each row is compared with
-- two arrays.
create or replace function ansinh_scope_ancestors() returns int[]
  language sql stable parallel safe
  as $$ select coalesce(array_agg(distinct a), '{}') from units u cross join unnest(u.ancestors) a
        where u.id = any(ansinh_scope()) $$;

drop policy plans_read on plans;
create policy plans_read on plans for select to ansinh_app using (
  (select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]) or unit_id = any((select ansinh_scope_ancestors())::int[]));
drop policy plan_targets_read on plan_targets;
create policy plan_targets_read on plan_targets for select to ansinh_app using (
  (select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]) or unit_id = any((select ansinh_scope_ancestors())::int[]));
