-- Person search of one commune with the name index used under row-level security (issue 18
-- item 7). As ansinh_app, the policy's qual (unit in scope) must be evaluated before any
-- operator that is not leakproof, and LIKE and % (pg_trgm) are not: the planner could use the
-- trigram index for unit_id alone and filtered the commune's 204,000 rows by the name (75 ms for
-- one search, as the owner 7 ms). This function matches and pages as the owner, after checking
-- once that the commune is in the caller's scope (the same test as the policies,
-- ansinh_in_scope), and answers only ids and the number of matches; the caller reads those
-- persons under row-level security as before.
create function ansinh_person_search(p_unit int, p_like text, p_exact text, p_households int[], p_personal_id text,
                                     p_similar boolean, p_limit int, p_offset int)
  returns table (id int, total int)
  language plpgsql stable security definer
  set search_path = public
as $$
declare
  scope int[] := ansinh_scope();
begin
  if scope is not null and not (p_unit = any(scope)) then
    return;
  end if;
  -- Two statements, not one with a CASE: each is planned on its own index conditions.
  if p_similar then
    return query select p.id, (count(*) over ())::int from persons p
      where p.unit_id = p_unit and p.name_folded % p_exact
      order by similarity(p.name_folded, p_exact) desc, p.full_name, p.id limit p_limit offset p_offset;
  else
    return query select p.id, (count(*) over ())::int from persons p
      where p.unit_id = p_unit and (p.name_folded like p_like or p.household_id = any(p_households) or p.personal_id = p_personal_id)
      order by p.name_folded = p_exact desc, p.full_name, p.id limit p_limit offset p_offset;
  end if;
end $$;
revoke all on function ansinh_person_search(int, text, text, int[], text, boolean, int, int) from public;
grant execute on function ansinh_person_search(int, text, text, int[], text, boolean, int, int) to ansinh_app;
