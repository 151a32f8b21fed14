-- What a province lets the national instance read (issue 17 item 2, docs/decisions/007-federation.md).
--
-- The national instance attaches each province's three views below as foreign partitions
-- (postgres_fdw) and asks them the cross-province questions no province can answer alone: the same
-- personal ID in two provinces, a person paid in one province after a death recorded in another,
-- a beneficiary enrolled in two provinces after a move. The views hold only the columns those
-- questions need: no health, disability, ethnicity, income or account field ever leaves the
-- province. They run as their owner (the migration's role, the tables' owner), so the role the
-- national instance connects as (`ansinh national grant`, PostgreSQL only) needs SELECT on these
-- views and nothing else: no table, no row-level security bypass.
--
-- Each filter the national instance sends (`personal_id = any(...)`, `death_date is not null`)
-- reaches the persons scan inside the view, so only the matching rows move.

create view national_persons as
  select province_code, id, unit_id, household_id, personal_id, full_name, date_of_birth, sex, death_date
    from persons;

-- The months an approved payroll pays a person with a personal ID (assistance or merit).
create view national_paid_months as
  select l.province_code, p.personal_id, l.unit_id, pr.programme, (i).month as month, (i).amount as amount, l.status
    from persons p
    join payroll_lines l on l.person_id = p.id
    join payrolls pr on pr.id = l.payroll_id and pr.state = 'approved'
   cross join lateral unnest(l.items) i
   where p.personal_id is not null;

-- Each person's latest benefit decision (start, change or stop) with the commune that made it.
create view national_enrolments as
  select p.province_code, p.personal_id, d.unit_id, d.kind, d.start_month, d.decided_on
    from persons p
   cross join lateral (
     select b.unit_id, b.kind, b.start_month, b.decided_on
       from benefit_decisions b where b.person_id = p.id
      order by b.start_month desc, b.id desc limit 1
   ) d
   where p.personal_id is not null;
