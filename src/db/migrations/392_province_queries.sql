-- Registry queries that name the province (issue 17 item 1): each reads one partition of the
-- province-partitioned tables (391). src/db/partition.test.ts proves it with EXPLAIN ANALYZE.

-- The one province of the caller's row-level scope (null when national, or when the scope spans
-- several provinces): a page opened by id (a household) reads that province's partition only.
create or replace function ansinh_scope_province() returns text
  language sql stable
  as $$
    select case when count(*) > 0 and count(*) = count(s.code) and count(distinct s.code) = 1 then min(s.code) end
    from (select ansinh_unit_province(u) as code from unnest(ansinh_scope()) u) s
  $$;
grant execute on function ansinh_scope_province() to ansinh_app;

-- Person search (195) restricted to the commune's province: `p.province_code = v_province` is a
-- parameter the executor prunes on before it opens a partition.
create or replace function ansinh_person_search(p_unit int, p_like text, p_exact text, p_households int[], p_personal_id text,
                                                p_similar boolean, p_limit int, p_offset int)
  returns table (id int, total int)
  language plpgsql stable security definer
  set search_path = public
as $$
declare
  scope int[] := ansinh_scope();
  v_province text := ansinh_unit_province(p_unit);
begin
  if scope is not null and not (p_unit = any(scope)) then
    return;
  end if;
  -- Two statements, not one with a CASE: each is planned on its own index conditions.
  if p_similar then
    return query select s.id, (count(*) over ())::int from (
        select p.id, p.full_name, similarity(p.name_folded, p_exact) as sim from persons p
        where p.province_code = v_province and p.unit_id = p_unit and p.name_folded % p_exact
        order by p.name_folded <-> p_exact limit p_limit) s
      where s.sim >= 0.45
      order by s.sim desc, s.full_name, s.id;
  else
    return query select p.id, (count(*) over ())::int from persons p
      where p.province_code = v_province and p.unit_id = p_unit
        and (p.name_folded like p_like or p.household_id = any(p_households) or p.personal_id = p_personal_id)
      order by p.name_folded = p_exact desc, p.full_name, p.id limit p_limit offset p_offset;
  end if;
end $$;
