-- Posted lists (issue 14 item 3): the lists a commune posts publicly before a decision (the
-- review result of monthly social assistance applications, Decree 20/2021 Art. 8 as changed by
-- Decree 147/2025; the annual poor and near-poor review, Decision 24/2021/QĐ-TTg Art. 4), with
-- their legal posting period (src/citizens/posted.ts), the entries with only the fields the law
-- lets a notice show (name, hamlet, group: no ID number, no birth date, no HIV information;
-- the table has no column for them), and the comments citizens send from the public page, kept
-- with the list and its decision. Scoped to the commune by row-level security; the public page
-- and the comment form run as the owner through narrow store functions
-- (src/citizens/posted-store.ts). Vocabularies: src/citizens/posted.ts.
create table posted_lists (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  kind text not null check (kind in ('assistance-review', 'poverty-review')),
  title text not null check (length(title) between 5 and 200),
  posted_on date not null,
  posted_until date not null,
  posting_rule text not null,
  state text not null default 'posted' check (state in ('posted', 'decided')),
  decision_number text check (length(decision_number) <= 60),
  decided_on date,
  decision_note text check (length(decision_note) <= 4000),
  posted_by text not null,
  created_at timestamptz not null default now(),
  check (posted_until >= posted_on),
  check (state = 'posted' or (decided_on is not null and decision_number is not null))
);
create index posted_lists_unit on posted_lists (unit_id, posted_on);

create table posted_list_entries (
  id serial primary key,
  list_id int not null references posted_lists(id),
  unit_id int not null,
  position int not null,
  full_name text not null check (length(full_name) between 2 and 120),
  hamlet text not null default '' check (length(hamlet) <= 120),
  group_label text not null default '' check (length(group_label) <= 120),
  application_id int references citizen_applications(id),
  unique (list_id, position)
);

create table posted_list_comments (
  id serial primary key,
  list_id int not null references posted_lists(id),
  unit_id int not null,
  author text not null check (length(author) between 2 and 120),
  contact text not null default '' check (length(contact) <= 120),
  body text not null check (length(body) between 10 and 2000),
  received_on date not null,
  received_at timestamptz not null default now(),
  state text not null default 'new' check (state in ('new', 'considered')),
  answer text check (length(answer) <= 2000),
  considered_by text,
  considered_at timestamptz,
  check (state = 'new' or length(trim(answer)) >= 5)
);
create index posted_list_comments_list on posted_list_comments (list_id, state);
create index posted_list_comments_unit on posted_list_comments (unit_id, state);

alter table posted_lists enable row level security;
create policy posted_lists_scope on posted_lists to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table posted_list_entries enable row level security;
create policy posted_list_entries_scope on posted_list_entries to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table posted_list_comments enable row level security;
create policy posted_list_comments_scope on posted_list_comments to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert, update on posted_lists to ansinh_app;
grant select, insert on posted_list_entries to ansinh_app;
grant select, insert, update on posted_list_comments to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
