-- Long jobs that survive a restart and imports as jobs (issue 6 parts 8 and 10):
-- * chunks: the number of chunks committed, checked and advanced in each chunk's transaction, so
--   that two runners (a restarted server and `ansinh jobs resume`) never stage the same chunk twice;
-- * states 'ready' (every chunk done, the result waits for the officer's confirmation: imports),
--   'confirmed' (to be applied) and 'cancelled' (staged results dropped, nothing applied);
-- * the uploaded file of an import job, kept until the job is applied or cancelled;
-- * the decision a confirmed life-event proposal produced.
alter table jobs add column chunks int not null default 0;
alter table jobs drop constraint jobs_state_check;
alter table jobs add constraint jobs_state_check check (state in ('queued', 'running', 'ready', 'confirmed', 'done', 'failed', 'cancelled'));
create index jobs_unit on jobs (unit_id, id);

create table job_files (
  job_id bigint primary key references jobs(id),
  file_name text not null,
  content bytea not null
);
grant select, insert, update, delete on job_files to ansinh_app;

alter table life_event_proposals add column decision_id int references benefit_decisions(id);
alter table benefit_decisions add column proposal_id int references life_event_proposals(id);
