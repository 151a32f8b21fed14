-- Anchors of the audit log's hash chain (issue 18 item 6, src/audit/anchor.ts): each time the
-- head (seq, hash) is written to the operator's append-only anchor file, it is also recorded
-- here so that the audit page can show the latest one. Verification reads the file, never this
-- table (whoever can rewrite the log can rewrite this too).
create table audit_anchors (
  id serial primary key,
  seq bigint not null,
  hash text not null,
  anchored_at timestamptz not null,
  place text not null
);
