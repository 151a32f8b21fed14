-- The province of a unit (issue 17 item 1): what a registry query names so that it reads one
-- partition of the province-partitioned tables (391). Stable: the executor evaluates it once,
-- before it prunes the partitions (EXPLAIN shows "Subplans Removed").
create or replace function ansinh_unit_province(p_unit int) returns text
  language sql stable parallel safe
  as $$
    -- the same choice as communeById (src/registry/store.ts): the current province among the ancestors
    select p.code from units c join units p on p.id = any(c.ancestors)
    where c.id = p_unit and p.level = 'province'
    order by p.valid_to is null desc limit 1
  $$;
grant execute on function ansinh_unit_province(int) to ansinh_app;
