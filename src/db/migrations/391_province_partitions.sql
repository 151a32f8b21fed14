-- The registry partitioned by province (issue 17 item 1; docs/registry.md "Province
-- partitioning"). households, persons, their version tables and household_classifications become
-- `PARTITION BY LIST (province_code)` tables: one partition per province of the 34 of the 2025
-- reform (Resolution 202/2025/QH15; reference/units/provinces-2025.csv) and any other current
-- province already in `units`, plus a default partition (rows of any other code: old pre-2025
-- codes, test fixtures). A query that names the province (`province_code = …`, or
-- `ansinh_unit_province(unit)` below, a stable function the executor evaluates before pruning)
-- reads one partition.
--
-- Keys (Citus-ready: the distribution column in every unique key and every foreign key between
-- the partitioned tables; PostgreSQL needs the partition key in every unique index anyway):
--  * primary keys (province_code, id), (province_code, household_id, version), ...;
--  * unique indexes get province_code first (households (province_code, unit_id, code));
--  * persons -> households, person_versions -> persons, household_versions -> households are
--    foreign keys on (province_code, id) with ON UPDATE CASCADE: the history lives in the
--    partition of the record it belongs to (as its row-level policy already says, "history
--    follows the person"), so a move to another province moves the history with it. Existing
--    version rows whose province_code differs from their record's (a person moved to another
--    province before this migration) are aligned to the record's province, the only change to
--    existing data; the commune each version was recorded in (unit_id) is unchanged.
--  * foreign keys from other tables to persons / households (benefit decisions, merit profiles,
--    housing cases, relief entries, citizen applications, life-event proposals, any other found
--    in the catalogue) cannot reference `id` alone any more (no unique index on it); they become
--    the statement-level reference checks of 068 (same SQLSTATE 23503, a delete of a referenced
--    row refused). Those tables are not partitioned yet (docs/registry.md says what is left).
--
-- The data is moved in this transaction: each table is renamed, a partitioned table made in its
-- place (same columns, defaults, checks, sequences), the rows copied, the old table dropped, then
-- indexes, keys, triggers, row-level policies and grants recreated from what the catalogue held
-- (so those added by any earlier migration come along). src/db/partition.test.ts migrates a
-- database holding the demo and compares counts and checksums.

create function pg_temp.ansinh_partition(p_table text, p_codes text[]) returns void
  language plpgsql as $$
  declare
    old_name text := p_table || '_unpartitioned';
    r record;
    pk text;
    defs text[] := '{}';
    d text;
    c text;
  begin
    -- what the catalogue holds about the table, before it is renamed
    select string_agg(quote_ident(a.attname), ', ' order by k.ord) into pk
      from pg_constraint con cross join unnest(con.conkey) with ordinality k(attnum, ord)
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
      where con.conrelid = p_table::regclass and con.contype = 'p';
    for r in select i.indexrelid, i.indisunique, pg_get_indexdef(i.indexrelid) as def, ci.relname
             from pg_index i join pg_class ci on ci.oid = i.indexrelid
             where i.indrelid = p_table::regclass and not i.indisprimary loop
      d := r.def;
      if d ~ '\(province_code\)$' and not r.indisunique then continue; end if; -- the partition key itself
      if r.indisunique then
        d := regexp_replace(d, ' USING (\w+) \(', ' USING \1 (province_code, ');
      end if;
      defs := defs || d;
    end loop;
    for r in select pg_get_triggerdef(t.oid) as def from pg_trigger t where t.tgrelid = p_table::regclass and not t.tgisinternal loop
      defs := defs || r.def;
    end loop;
    if (select relrowsecurity from pg_class where oid = p_table::regclass) then
      defs := defs || format('alter table %I enable row level security', p_table);
    end if;
    for r in select a.grantee, a.privilege_type from pg_class cl, aclexplode(cl.relacl) a
             where cl.oid = p_table::regclass and a.grantee <> cl.relowner loop
      defs := defs || format('grant %s on %I to %s', r.privilege_type, p_table,
        case when r.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(r.grantee)) end);
    end loop;

    execute format('alter table %I rename to %I', p_table, old_name);
    execute format('create table %I (like %I including defaults including constraints including storage including comments) partition by list (province_code)',
      p_table, old_name);
    foreach c in array p_codes loop
      execute format('create table %I partition of %I for values in (%L)', p_table || '_p' || c, p_table, c);
    end loop;
    execute format('create table %I partition of %I default', p_table || '_default', p_table);
    -- the default privileges of 030 granted ansinh_app everything on the new tables: the parent
    -- gets the old table's grants back below; a partition gets none (row-level security is on the
    -- parent: a partition read directly would bypass it)
    for r in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = p_table::regclass
             union all select p_table loop
      execute format('revoke all on %I from public, ansinh_app', r.relname);
    end loop;
    execute format('insert into %I select * from %I', p_table, old_name);
    -- the serial columns' sequences now belong to the new table
    for r in select s.relname as seq, a.attname from pg_depend dep
             join pg_class s on s.oid = dep.objid and s.relkind = 'S'
             join pg_attribute a on a.attrelid = dep.refobjid and a.attnum = dep.refobjsubid
             where dep.refobjid = old_name::regclass and dep.deptype = 'a' loop
      execute format('alter sequence %I owned by %I.%I', r.seq, p_table, r.attname);
    end loop;
    execute format('drop table %I', old_name);
    execute format('alter table %I add primary key (province_code, %s)', p_table, pk);
    foreach d in array defs loop
      execute d;
    end loop;
  end $$;

do $$
declare
  tables text[] := array['households', 'persons', 'household_versions', 'person_versions', 'household_classifications'];
  codes text[];
  t text;
  r record;
  n int := 0;
begin
  -- the 34 provinces of the 2025 reform, and any other current province already loaded
  select array_agg(distinct x order by x) into codes from (
    select unnest(array['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40',
                        '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96']) as x
    union select code from units where level = 'province' and valid_to is null and code ~ '^[0-9]{2}$') s;

  -- foreign keys that point at the tables: dropped now, recreated below
  create temp table partition_fks on commit drop as
    select con.conname, con.conrelid::regclass::text as child, con.confrelid::regclass::text as parent,
           (select a.attname from pg_attribute a where a.attrelid = con.conrelid and a.attnum = con.conkey[1]) as col,
           array_length(con.conkey, 1) as ncols, con.confdeltype, con.confupdtype
    from pg_constraint con
    where con.contype = 'f' and (con.confrelid::regclass::text = any(tables) or con.conrelid::regclass::text = any(tables));
  for r in select * from partition_fks loop
    if r.ncols <> 1 or r.confdeltype <> 'a' or r.confupdtype <> 'a' then
      raise exception 'partitioning: unexpected foreign key % on % (only single-column, no-action keys are handled)', r.conname, r.child;
    end if;
    execute format('alter table %I drop constraint %I', r.child, r.conname);
  end loop;

  -- the history is kept in the partition of the record it belongs to
  update person_versions v set province_code = p.province_code from persons p where p.id = v.person_id and v.province_code <> p.province_code;
  update household_versions v set province_code = h.province_code from households h where h.id = v.household_id and v.province_code <> h.province_code;

  -- row-level policies on the tables, or on other tables naming them (household_versions_scope
  -- reads households): dropped now, recreated from their text at the end
  create temp table partition_policies on commit drop as
    select distinct pol.polname, pol.polrelid::regclass::text as tbl,
      format('create policy %I on %I as %s for %s to %s%s%s', pol.polname, pol.polrelid::regclass::text,
        case when pol.polpermissive then 'permissive' else 'restrictive' end,
        case pol.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update' when 'd' then 'delete' else 'all' end,
        (select string_agg(case when x = 0 then 'public' else quote_ident(pg_get_userbyid(x)) end, ', ') from unnest(pol.polroles) x),
        case when pol.polqual is not null then ' using (' || pg_get_expr(pol.polqual, pol.polrelid) || ')' else '' end,
        case when pol.polwithcheck is not null then ' with check (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')' else '' end) as def
    from pg_policy pol
    where pol.polrelid::regclass::text = any(tables)
       or exists (select 1 from pg_depend d where d.classid = 'pg_policy'::regclass and d.objid = pol.oid
                  and d.refclassid = 'pg_class'::regclass and d.refobjid::regclass::text = any(tables));
  for r in select * from partition_policies loop
    execute format('drop policy %I on %I', r.polname, r.tbl);
  end loop;

  foreach t in array tables loop
    perform pg_temp.ansinh_partition(t, codes);
  end loop;

  for r in select * from partition_policies loop
    execute r.def;
  end loop;

  -- foreign keys among the partitioned tables: on the distribution column too
  alter table persons add foreign key (province_code, household_id) references households (province_code, id) on update cascade;
  alter table person_versions add foreign key (province_code, person_id) references persons (province_code, id) on update cascade;
  alter table household_versions add foreign key (province_code, household_id) references households (province_code, id) on update cascade;

  -- references from the other tables: checked once per statement (068), deletes refused
  for r in select * from partition_fks where child <> all(tables) and parent = any(tables) loop
    execute format('create trigger %I after insert on %I referencing new table as written for each statement execute function ansinh_check_references(%L, %L)',
      r.conname || '_ins', r.child, r.col, r.parent);
    execute format('create trigger %I after update on %I referencing new table as written for each statement execute function ansinh_check_references(%L, %L)',
      r.conname || '_upd', r.child, r.col, r.parent);
    execute format('create trigger %I after delete on %I referencing old table as removed for each statement execute function ansinh_check_referrers(%L, %L)',
      r.child || '_' || r.col || '_referrers', r.parent, r.child, r.col);
    n := n + 1;
  end loop;
  for r in select * from partition_fks where child = any(tables) and parent <> all(tables) loop
    -- e.g. persons.unit_id -> units: the partitioned table may reference a plain table directly
    execute format('alter table %I add constraint %I foreign key (%I) references %I', r.child, r.conname, r.col, r.parent);
  end loop;
end
$$;
