-- Relief lists, continued (issue 13 item 2): people who are not in the registry on a relief list
-- (name, optional ID number, hamlet, household as told), each line's distribution (cash, bank
-- transfer with the account, or in kind: item, quantity, unit), and the decision that approves an
-- event's list (number, date, signer). A line of a person outside the registry gets its
-- household_id when the officer's review registers the household through the registry's own
-- command (src/registry/register.ts); registered_on records when. Vocabularies: src/law/relief.ts.
alter table relief_entries alter column household_id drop not null;
alter table relief_entries
  add column outside_name text check (outside_name is null or length(btrim(outside_name)) > 0),
  add column outside_personal_id text check (outside_personal_id is null or outside_personal_id ~ '^[0-9]{12}$'),
  add column outside_village_id int references units(id),
  add column outside_household text,
  add column registered_on date,
  add column distribution text not null default 'cash' check (distribution in ('cash', 'transfer', 'in_kind')),
  add column item text,
  add column quantity numeric(14, 2) check (quantity > 0),
  add column quantity_unit text,
  add column account text,
  add constraint relief_entries_who check (household_id is not null or outside_name is not null),
  add constraint relief_entries_in_kind check (distribution <> 'in_kind' or (item is not null and quantity is not null and quantity_unit is not null)),
  add constraint relief_entries_transfer check (distribution <> 'transfer' or account is not null);

create table relief_decisions (
  id serial primary key,
  event_id int not null unique references relief_events(id),
  unit_id int not null references units(id),
  number text not null check (length(btrim(number)) > 0),
  date date not null,
  signer text not null check (length(btrim(signer)) > 0),
  lines int not null check (lines >= 0),
  amount bigint not null check (amount >= 0),
  recorded_by text not null,
  created_at timestamptz not null default now()
);
alter table relief_decisions enable row level security;
create policy relief_decisions_scope on relief_decisions to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert on relief_decisions to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
