-- Funds and their public ledger (issue 13 item 3): a fund per unit (the commune's or province's
-- Gratitude Fund under Decree 131/2021/NĐ-CP, the Fund for the Poor of the Fatherland Front,
-- relief donations), its receipts (donor, amount, date, channel, purpose), allocations to cases of
-- other features (a house, a relief list, a visit: a free reference by kind and id, no foreign key),
-- spending, and imported bank statements whose lines match receipts and spending. Amounts are
-- whole VND, positive. Scoped to the fund's unit by row-level security (the sub-select form).
-- The vocabularies are src/funds/model.ts (test/vocabularies.test.ts).
create table funds (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  kind text not null constraint funds_kind_check check (kind in ('gratitude', 'poor', 'relief', 'other')),
  name text not null check (length(btrim(name)) > 0),
  bank_name text,
  account_number text,
  created_at timestamptz not null default now()
);
create index funds_unit on funds (unit_id);

create table fund_receipts (
  id serial primary key,
  fund_id int not null references funds(id),
  unit_id int not null,
  donor text not null check (length(btrim(donor)) > 0),
  donor_folded text not null,
  amount bigint not null check (amount > 0),
  received_on date not null,
  channel text not null constraint fund_receipts_channel_check check (channel in ('bank', 'cash', 'in_kind')),
  purpose text,
  reference text,
  statement_line_id int,
  created_by text,
  created_at timestamptz not null default now()
);
create index fund_receipts_fund_date on fund_receipts (fund_id, received_on);
create index fund_receipts_fund_amount on fund_receipts (fund_id, amount);
-- The public donor search: accent-insensitive substring match on the folded name.
create index fund_receipts_donor_trgm on fund_receipts using gin (donor_folded gin_trgm_ops);

create table fund_allocations (
  id serial primary key,
  fund_id int not null references funds(id),
  unit_id int not null,
  case_kind text not null constraint fund_allocations_case_kind_check check (case_kind in ('housing_case', 'relief_list', 'visit', 'other')),
  case_ref text,
  description text not null check (length(btrim(description)) > 0),
  beneficiary_name text,
  beneficiary_hamlet text,
  amount bigint not null check (amount > 0),
  decided_on date not null,
  created_by text,
  created_at timestamptz not null default now()
);
create index fund_allocations_fund on fund_allocations (fund_id, decided_on);

create table fund_spendings (
  id serial primary key,
  fund_id int not null references funds(id),
  unit_id int not null,
  allocation_id int references fund_allocations(id),
  amount bigint not null check (amount > 0),
  spent_on date not null,
  purpose text not null check (length(btrim(purpose)) > 0),
  purpose_folded text not null,
  reference text,
  statement_line_id int,
  created_by text,
  created_at timestamptz not null default now()
);
create index fund_spendings_fund on fund_spendings (fund_id, spent_on);

create table fund_statements (
  id serial primary key,
  fund_id int not null references funds(id),
  unit_id int not null,
  file_hash text not null,
  file_name text not null,
  bank text not null,
  opening_balance bigint not null,
  closing_balance bigint not null,
  period_from date not null,
  period_to date not null,
  lines int not null,
  imported_by text,
  imported_at timestamptz not null default now(),
  unique (fund_id, file_hash)
);

create table fund_statement_lines (
  id serial primary key,
  statement_id int not null references fund_statements(id),
  fund_id int not null,
  unit_id int not null,
  line_no int not null,
  booked_on date not null,
  amount bigint not null check (amount <> 0),
  reference text,
  description text not null,
  line_key text not null,
  receipt_id int references fund_receipts(id),
  spending_id int references fund_spendings(id),
  unique (fund_id, line_key)
);

alter table funds enable row level security;
create policy funds_scope on funds to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table fund_receipts enable row level security;
create policy fund_receipts_scope on fund_receipts to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table fund_allocations enable row level security;
create policy fund_allocations_scope on fund_allocations to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table fund_spendings enable row level security;
create policy fund_spendings_scope on fund_spendings to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table fund_statements enable row level security;
create policy fund_statements_scope on fund_statements to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table fund_statement_lines enable row level security;
create policy fund_statement_lines_scope on fund_statement_lines to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));

grant select, insert on funds, fund_receipts, fund_allocations, fund_spendings, fund_statements, fund_statement_lines to ansinh_app;
grant update on fund_receipts, fund_spendings, fund_statement_lines to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
