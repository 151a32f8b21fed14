-- The tables the bulk jobs write (issue 6 part 12): lighter to write, same guarantees.
--
-- 1. The months a payroll line pays are kept in the line (`items`, an array of payroll_item:
-- month, amount, category, coefficient), not as rows of their own. A line and its months are
-- written, read, reconciled and deleted together; a province's payroll had three rows of
-- items a line, each with its own heap tuple and key entry, and writing them cost more than
-- the lines. Queries that need the months unnest them (`cross join unnest(l.items) i`).
--
-- 2. References checked once per statement. A foreign key checks each inserted row on its own
-- (one index probe through a row trigger): for one month's payroll of a province (about 70,000
-- lines) and the annual review (one classification a household) those probes cost more than
-- writing the rows. The same references are kept, checked once per statement over all the rows
-- it wrote (the statement's transition table anti-joined with the referenced table), and the
-- referenced rows cannot be deleted while something refers to them. The error is the foreign
-- key's (SQLSTATE 23503). What the row-level key also gave and this does not: a lock on the
-- referenced row, against a delete racing the insert in another transaction. Persons,
-- households and payrolls are never deleted by the application (the registry keeps history; a
-- death is a date); a delete of a referenced row is refused by the triggers below.

create type payroll_item as (month int, amount int, category text, coefficient_tenths int);
alter table payroll_lines add column items payroll_item[] not null default '{}';
update payroll_lines l set items = x.items
  from (select payroll_id, person_id, array_agg(row(for_month, amount, category, coefficient_tenths)::payroll_item order by for_month) as items
        from payroll_items group by payroll_id, person_id) x
  where x.payroll_id = l.payroll_id and x.person_id = l.person_id;
drop table payroll_items;

alter table payroll_lines drop constraint payroll_lines_payroll_id_fkey;
alter table payroll_lines drop constraint payroll_lines_person_id_fkey;
alter table household_classifications drop constraint household_classifications_household_id_fkey;

-- Child side. Arguments: pairs of (column, referenced table); the referenced column is `id`.
-- security definer: the reference must exist, whatever the writer's row-level scope (a commune
-- pays a person who has since moved to another commune).
create or replace function ansinh_check_references() returns trigger
  language plpgsql security definer
  set search_path = public
  as $$
  declare
    i int;
    bad text;
  begin
    for i in 0 .. tg_nargs / 2 - 1 loop
      -- the distinct values first (70,000 lines of a province name 400 payrolls), in order (the probes walk the index)
      execute format('select x.v::text from (select distinct n.%1$I as v from written n where n.%1$I is not null order by 1) x where not exists (select 1 from %2$I r where r.id = x.v) limit 1',
        tg_argv[2 * i], tg_argv[2 * i + 1]) into bad;
      if bad is not null then
        raise foreign_key_violation using
          message = format('insert or update on table "%s" violates foreign key: %s = %s is not present in table "%s"', tg_table_name, tg_argv[2 * i], bad, tg_argv[2 * i + 1]),
          table = tg_table_name, column = tg_argv[2 * i];
      end if;
    end loop;
    return null;
  end
  $$;

-- Referenced side. Arguments: pairs of (referring table, its column).
create or replace function ansinh_check_referrers() returns trigger
  language plpgsql security definer
  set search_path = public
  as $$
  declare
    i int;
    bad text;
  begin
    for i in 0 .. tg_nargs / 2 - 1 loop
      execute format('select o.id::text from removed o where exists (select 1 from %1$I c where c.%2$I = o.id) limit 1', tg_argv[2 * i], tg_argv[2 * i + 1]) into bad;
      if bad is not null then
        raise foreign_key_violation using
          message = format('delete on table "%s" violates foreign key: id = %s is still referenced from table "%s"', tg_table_name, bad, tg_argv[2 * i]),
          table = tg_table_name;
      end if;
    end loop;
    return null;
  end
  $$;

-- Keys never change.
create or replace function ansinh_refuse_id_change() returns trigger
  language plpgsql
  as $$ begin
    if new.id is distinct from old.id then
      raise exception 'the id of table "%" cannot change', tg_table_name using errcode = 'foreign_key_violation';
    end if;
    return new;
  end $$;

create trigger payroll_lines_references_insert after insert on payroll_lines referencing new table as written
  for each statement execute function ansinh_check_references('payroll_id', 'payrolls', 'person_id', 'persons');
create trigger payroll_lines_references_update after update on payroll_lines referencing new table as written
  for each statement execute function ansinh_check_references('payroll_id', 'payrolls', 'person_id', 'persons');
create trigger household_classifications_references_insert after insert on household_classifications referencing new table as written
  for each statement execute function ansinh_check_references('household_id', 'households');
create trigger household_classifications_references_update after update on household_classifications referencing new table as written
  for each statement execute function ansinh_check_references('household_id', 'households');

create trigger payrolls_referrers after delete on payrolls referencing old table as removed
  for each statement execute function ansinh_check_referrers('payroll_lines', 'payroll_id');
create trigger persons_referrers after delete on persons referencing old table as removed
  for each statement execute function ansinh_check_referrers('payroll_lines', 'person_id');
create trigger households_referrers after delete on households referencing old table as removed
  for each statement execute function ansinh_check_referrers('household_classifications', 'household_id');
create trigger payrolls_id_fixed before update of id on payrolls for each row execute function ansinh_refuse_id_change();
create trigger persons_id_fixed before update of id on persons for each row execute function ansinh_refuse_id_change();
create trigger households_id_fixed before update of id on households for each row execute function ansinh_refuse_id_change();
