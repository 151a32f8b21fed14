-- The merit payroll (issue 12 item 3): a commune's payroll of a month is one of two programmes,
-- social assistance (Decree 20/2021, the benefit decisions) or the monthly preferential
-- allowances of people with meritorious service (Decree 75/2021 as amended, the merit profiles).
-- Each programme has its own payroll row, lines, approval and exports; the existing rows are
-- social assistance. A merit line has no benefit decision (decision_id null); its items carry,
-- as category, the annex rows of src/law/merit-levels.ts that priced the month.
alter table payrolls add column programme text not null default 'assistance' constraint payrolls_programme check (programme in ('assistance', 'merit'));
drop index payrolls_unit_month;
create unique index payrolls_unit_month on payrolls (unit_id, month, programme);
