-- Administrative units: provinces, (historical) districts, communes, villages, with validity
-- dates and the lineage of the 1 July 2025 reform. Pre- and post-reform units are distinct rows
-- even when code and name are the same (new units reuse old codes).
create table units (
  id serial primary key,
  code text not null,
  name text not null,
  level text not null check (level in ('province','district','commune','village')),
  kind text not null,
  parent_id int references units(id),
  valid_from date,
  valid_to date,
  -- self + structural ancestors + (for pre-reform units) every successor by lineage and the
  -- successors' ancestors: a scope check is "does the actor's scope contain one of these".
  ancestors int[] not null default '{}',
  name_folded text not null
);
create unique index units_identity on units (level, code, coalesce(valid_from, date '1900-01-01'));
create index units_code on units (code);
create index units_parent on units (parent_id);
create index units_ancestors on units using gin (ancestors);
create index units_name_trgm on units using gin (name_folded gin_trgm_ops);

create table unit_lineage (
  successor_id int not null references units(id),
  predecessor_id int not null references units(id),
  part text not null check (part in ('full','partial')),
  effective date not null,
  primary key (successor_id, predecessor_id)
);
create index unit_lineage_pred on unit_lineage (predecessor_id);

create or replace function ansinh_unit_within(unit int, scope int[]) returns boolean
  language sql stable parallel safe
  as $$ select exists (select 1 from units u where u.id = unit and u.ancestors && scope) $$;
