-- Core: extensions used across features, and the application role that row-level security
-- policies apply to (the server switches to it inside every scoped transaction).
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is not immutable, so indexes use this wrapper. It also folds đ/Đ, which
-- unaccent maps to d/D, and lower-cases: "Hoằng Kim" -> "hoang kim".
create or replace function ansinh_fold(t text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'ansinh_app') then
    create role ansinh_app nologin;
  end if;
end
$$;
grant usage on schema public to ansinh_app;
