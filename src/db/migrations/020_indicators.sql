-- The indicator catalogue (loaded from src/indicators/catalogue.ts at start-up, so that the
-- code is the one place each definition lives; the table lets SQL join and aggregate by it).
create table indicators (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  unit text not null,
  kind text not null check (kind in ('rate','count','average','level')),
  direction text not null check (direction in ('higher_better','lower_better','target_band')),
  aggregation text not null check (aggregation in ('sum_ratio','sum','weighted_mean','none')),
  factor numeric not null default 1,
  numerator_vi text,
  numerator_en text,
  denominator_vi text,
  denominator_en text,
  disaggregations text[] not null default '{}',
  source text not null check (source in ('reported','registry','survey')),
  area text not null,
  synonyms text[] not null default '{}'
);
