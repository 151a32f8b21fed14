-- Typed staging of the annual-review job (src/registry/review.ts): each chunk classifies its
-- households in one INSERT ... SELECT into this table (no per-row JSON), and the job's apply
-- step moves them into household_classifications in one transaction. A plain heap (no key, no
-- foreign key): rows are written once by their chunk's transaction and read once by apply.
create table review_staging (
  job_id bigint not null,
  household_id int not null,
  household_version int not null,
  province_code text not null,
  unit_id int not null,
  class text not null,
  deprivation_count int not null
);
grant select, insert, update, delete on review_staging to ansinh_app;
