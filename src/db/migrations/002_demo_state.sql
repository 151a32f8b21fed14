-- Remembers that the demo was loaded, so that a restart does not load it again.
create table demo_state (seeded_at timestamptz not null default now());
