-- National totals per indicator × period × disaggregation, summed from the current provinces'
-- totals by each indicator's rule (rates: Σ numerators and Σ denominators, divided after).
-- There is no country unit row, so they live apart from monitoring_aggregates. Maintained in
-- the same transaction as the provinces' aggregates (on approval, reopening, import, rebuild);
-- the country dashboard reads ~800 rows here instead of summing ~27,000 province rows per
-- request. Aggregate statistics without personal data: readable by the application role, no
-- row-level scope; only the roll-up (running as the owner) writes them.
create table monitoring_country_aggregates (
  indicator_code text not null,
  period text not null,
  disaggregation text not null default '',
  numerator double precision,
  denominator double precision,
  value double precision,
  sources int not null,
  updated_at timestamptz not null default now(),
  primary key (indicator_code, period, disaggregation)
);
grant select on monitoring_country_aggregates to ansinh_app;
