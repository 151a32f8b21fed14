-- Person search's typo fallback reads the nearest names from a GiST trigram index (issue 18,
-- the load goal). With the GIN index of 150 the fallback had to find every name sharing a
-- trigram with the term, compute each one's similarity, count and sort them: 260 ms of database
-- CPU for one typo in a commune of 204,000 persons, the largest single cost of the load
-- benchmark's page mix. A GiST index answers `order by name_folded <-> term` nearest first and
-- stops after the page (17 ms on the same commune). The fallback now gives one page, the closest
-- names (at least 0.45 similar, as before), and its count is the number on that page: it was
-- already offered on the first page only. The GiST index also serves the `like '%…%'` search,
-- as fast as the GIN index it replaces on the same data (8–20 ms per term), so the commune-keyed
-- GIN index goes. PGlite ships btree_gist (loaded in src/db/connection.ts).
create extension if not exists btree_gist;
create index persons_unit_name_gist on persons using gist (unit_id, name_folded gist_trgm_ops);
drop index if exists persons_unit_name_trgm;

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
    -- The page's nearest names first (KNN on persons_unit_name_gist), then those similar enough,
    -- best first; p_offset is not used: the fallback has one page.
    return query select s.id, (count(*) over ())::int from (
        select p.id, p.full_name, similarity(p.name_folded, p_exact) as sim from persons p
        where p.unit_id = p_unit and p.name_folded % p_exact
        order by p.name_folded <-> p_exact limit p_limit) s
      where s.sim >= 0.45
      order by s.sim desc, s.full_name, s.id;
  else
    return query select p.id, (count(*) over ())::int from persons p
      where p.unit_id = p_unit and (p.name_folded like p_like or p.household_id = any(p_households) or p.personal_id = p_personal_id)
      order by p.name_folded = p_exact desc, p.full_name, p.id limit p_limit offset p_offset;
  end if;
end $$;
