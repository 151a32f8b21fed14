-- Person search served from indexes (issue 18 finding 12: one page of a commune of 200,000
-- persons took 6–9 s). The name match uses persons_name_trgm (060, trigram GIN on the folded
-- name: LIKE '%term%' and similarity); the list of a commune without a term is read in name
-- order from this index instead of sorting the whole commune for every page.
create index persons_unit_name on persons (unit_id, full_name, id);
-- The registry home of a commune counts its living persons and those insured: read from this
-- index alone (index-only scan) instead of the persons table (23 ms instead of 257 ms for 204,000).
create index persons_unit_living on persons (unit_id, health_insurance) where death_date is null;

-- Row-level security evaluated once per query, not once per row (issue 18 finding 12). The
-- policies call ansinh_in_scope(unit_id), inlined as `ansinh_scope() is null or unit_id =
-- any(ansinh_scope())`; ansinh_scope() reads and parses the setting and, having a FROM clause,
-- is not inlined: two function calls per row, 2.4 s to count the 204,000 persons of a commune
-- (45 ms without the policy). Written as a sub-select, (select ansinh_scope()) becomes an
-- InitPlan computed once per query: 52 ms. Every policy is rewritten in that form (same
-- meaning); a policy added later should be written so too (docs/developer.md).
do $$
declare
  p record;
  q text;
  c text;
  fix text := 'ansinh_in_scope\((\w+)\)';
begin
  for p in select pol.polname, cls.relname, pg_get_expr(pol.polqual, pol.polrelid) as qual, pg_get_expr(pol.polwithcheck, pol.polrelid) as chk
           from pg_policy pol join pg_class cls on cls.oid = pol.polrelid join pg_namespace n on n.oid = cls.relnamespace
           where n.nspname = current_schema() loop
    q := p.qual;
    c := p.chk;
    if coalesce(q, '') !~ 'ansinh_(in_)?scope\(' and coalesce(c, '') !~ 'ansinh_(in_)?scope\(' then continue; end if;
    q := regexp_replace(q, fix, '((ansinh_scope() IS NULL) OR (\1 = ANY (ansinh_scope())))', 'g');
    c := regexp_replace(c, fix, '((ansinh_scope() IS NULL) OR (\1 = ANY (ansinh_scope())))', 'g');
    q := replace(replace(q, 'ANY (ansinh_scope())', 'ANY ((SELECT ansinh_scope())::int[])'), 'ansinh_scope() IS NULL', '(SELECT ansinh_scope()) IS NULL');
    c := replace(replace(c, 'ANY (ansinh_scope())', 'ANY ((SELECT ansinh_scope())::int[])'), 'ansinh_scope() IS NULL', '(SELECT ansinh_scope()) IS NULL');
    if q is not null then execute format('alter policy %I on %I using (%s)', p.polname, p.relname, q); end if;
    if c is not null then execute format('alter policy %I on %I with check (%s)', p.polname, p.relname, c); end if;
  end loop;
end
$$;
