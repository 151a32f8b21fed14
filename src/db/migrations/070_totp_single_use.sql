-- A TOTP code is single-use (issue 18): the last 30-second time step accepted for the user is
-- remembered, and a code of that step or an earlier one is refused (RFC 6238 section 5.2).
alter table users add column totp_last_step integer;
