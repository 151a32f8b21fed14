-- Access control and audit: users with unit-scoped roles, sessions, API tokens, sign-in
-- throttling, the row-level-security scope of a transaction, and the hash-chained audit log.

-- The actor's unit scope for row-level security, set per transaction by withActor()
-- (src/access/scope.ts) as set_config('ansinh.scope', '{1,2,3}', true), or 'all'.
-- null = every unit; not set = no unit at all (a forgotten setting must not open everything).
create or replace function ansinh_scope() returns int[]
  language sql stable parallel safe
  as $$
    select case
      when s = 'all' then null
      when s is null or s = '' then '{}'::int[]
      else s::int[]
    end
    from (select current_setting('ansinh.scope', true) as s) x
  $$;

-- The scope holds every unit id of the actor's subtrees (expanded when the actor is loaded,
-- including pre-2025 units by lineage), so membership is a plain array test. Policies:
--   alter table X enable row level security;
--   create policy X_scope on X to ansinh_app
--     using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
create or replace function ansinh_in_scope(unit int) returns boolean
  language sql stable parallel safe
  as $$ select ansinh_scope() is null or unit = any(ansinh_scope()) $$;

-- The application role: every table, now and later, is readable and writable by it; RLS
-- policies then narrow the rows. The server switches to it with SET LOCAL ROLE in every
-- scoped transaction (superusers and table owners bypass RLS, ansinh_app does not).
grant select, insert, update, delete on all tables in schema public to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
alter default privileges in schema public grant select, insert, update, delete on tables to ansinh_app;
alter default privileges in schema public grant usage, select on sequences to ansinh_app;
do $$
begin
  -- A non-superuser application login must be a member of ansinh_app to SET ROLE to it.
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant ansinh_app to %I', current_user);
  end if;
exception when others then
  raise notice 'could not grant ansinh_app to %: %', current_user, sqlerrm;
end
$$;

create table users (
  id serial primary key,
  username text not null,
  display_name text not null,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  password_hash text not null,
  must_change_password boolean not null default false,
  disabled boolean not null default false,
  totp_secret text,
  totp_enabled boolean not null default false,
  totp_pending_secret text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username on users (lower(username));

create table user_roles (
  id serial primary key,
  user_id int not null references users(id) on delete cascade,
  role text not null check (role in ('admin', 'officer', 'approver', 'supervisor')),
  -- root of the scope subtree; null = every unit (national)
  unit_id int references units(id)
);
create unique index user_roles_unique on user_roles (user_id, role, coalesce(unit_id, 0));

create table sessions (
  -- sha256 of the cookie value: a database dump does not hold usable sessions
  id text primary key,
  user_id int not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id serial primary key,
  user_id int not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  -- null = every permission the user holds; otherwise a subset of them
  permissions text[],
  created_at timestamptz not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

-- Failed sign-ins per key ('user:<name>' or 'ip:<address>'): a window and a lockout.
create table sign_in_throttle (
  key text primary key,
  failures int not null,
  window_start timestamptz not null,
  locked_until timestamptz
);

-- Secrets stay out of reach of feature code running as ansinh_app.
revoke all on users, sessions, api_tokens, sign_in_throttle from ansinh_app;
grant select (id, username, display_name, locale, disabled, created_at) on users to ansinh_app;
revoke all on user_roles from ansinh_app;
grant select on user_roles to ansinh_app;

-- The audit log: append-only and hash-chained. hash = sha256(prev_hash || canonical JSON of
-- the entry), computed by src/audit/model.ts; `ansinh audit verify` recomputes the chain.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_user_id int,
  actor_username text,
  ip text,
  action text not null,
  entity text not null,
  entity_id text,
  unit_id int,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_entity on audit_log (entity, entity_id);
create index audit_log_actor on audit_log (actor_username);
create index audit_log_at on audit_log (at);

create or replace function ansinh_audit_refuse() returns trigger
  language plpgsql
  as $$ begin raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function ansinh_audit_refuse();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function ansinh_audit_refuse();

-- The head of the chain, read under a transaction-level lock so that appends are serialized.
-- security definer: it must see the last entry whatever the caller's row-level scope.
create or replace function ansinh_audit_head(out head_seq bigint, out head_hash text)
  language plpgsql security definer
  set search_path = public
  as $$
  begin
    perform pg_advisory_xact_lock(7152030);
    select a.seq, a.hash into head_seq, head_hash from audit_log a order by a.seq desc limit 1;
  end
  $$;

revoke all on audit_log from ansinh_app;
grant select, insert on audit_log to ansinh_app;
alter table audit_log enable row level security;
create policy audit_log_scope on audit_log for select to ansinh_app
  using (ansinh_scope() is null or (unit_id is not null and unit_id = any(ansinh_scope())));
create policy audit_log_append on audit_log for insert to ansinh_app with check (true);
