-- The DCI Social Registry API v1.0.0 (issue 17 item 4, src/dci): one row per message received on
-- /api/dci/registry/{sync/,}search. It keeps what the transaction status answer needs (the
-- caller, the ids of the message, and per reference the status and the ids of the persons that
-- matched), never a copy of the records: a status read presents the persons again from the
-- registry, under the caller's scope of that moment. A message id is used once per caller and
-- sender (rjct.message_id.duplicate). Each caller sees only their own transactions (row-level
-- security on the user id). The vocabularies are src/dci/model.ts (test/vocabularies.test.ts).
-- Additive only: no registry table changes (another round partitions them by province).
create table dci_transactions (
  id bigserial primary key,
  correlation_id text not null unique,
  user_id int not null references users(id),
  token_id int references api_tokens(id),
  sender_id text not null,
  message_id text not null,
  transaction_id text not null,
  mode text not null constraint dci_transactions_mode_check check (mode in ('sync', 'async')),
  status text not null constraint dci_transactions_status_check check (status in ('rcvd', 'pdng', 'succ', 'rjct')),
  status_reason_code text,
  -- Per reference: { reference_id, status, status_reason_code, status_reason_message, person_ids, total_count, page_size, page_number, locale }
  results jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (user_id, sender_id, message_id)
);
create index dci_transactions_user_txn on dci_transactions (user_id, transaction_id);

alter table dci_transactions enable row level security;
create policy dci_transactions_own on dci_transactions to ansinh_app
  using (user_id::text = current_setting('ansinh.user_id', true))
  with check (user_id::text = current_setting('ansinh.user_id', true));
grant select, insert on dci_transactions to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
