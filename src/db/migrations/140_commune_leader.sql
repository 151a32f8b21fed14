-- The commune leader role (issue 15 item 2): since 01/07/2025 the chair of the commune People's
-- Committee decides social assistance and the social pension (Decree 147/2025/NĐ-CP Art. 5;
-- Decree 176/2025/NĐ-CP) and approves the commune's payment list. The role names are those of
-- src/access/permissions.ts (roleNames); a test compares the two.
alter table user_roles drop constraint if exists user_roles_role_check;
alter table user_roles add constraint user_roles_role_check
  check (role in ('admin', 'officer', 'leader', 'approver', 'supervisor'));
