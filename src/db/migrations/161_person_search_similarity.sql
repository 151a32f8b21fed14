-- Person search's typo fallback keeps names at least 0.45 similar (issue 18 item 7) by a filter
-- on similarity() after the index's `%` (pg_trgm's default 0.3), instead of changing the
-- pg_trgm.similarity_threshold setting for the transaction: the setting is defined only once
-- the pg_trgm library is loaded in the session, and a search that set it before was seen to
-- match nothing on PGlite. Same answers as 152; the rest of the function is unchanged.
create or replace function ansinh_person_search(p_unit int, p_like text, p_exact text, p_households int[], p_personal_id text,
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
      where p.unit_id = p_unit and p.name_folded % p_exact and similarity(p.name_folded, p_exact) >= 0.45
      order by similarity(p.name_folded, p_exact) desc, p.full_name, p.id limit p_limit offset p_offset;
  else
    return query select p.id, (count(*) over ())::int from persons p
      where p.unit_id = p_unit and (p.name_folded like p_like or p.household_id = any(p_households) or p.personal_id = p_personal_id)
      order by p.name_folded = p_exact desc, p.full_name, p.id limit p_limit offset p_offset;
  end if;
end $$;
