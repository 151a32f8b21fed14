-- Complaints (issue 14 item 4, continued): the officer a case is assigned to, and the link of a
-- second complaint to the first one it appeals (Law on Complaints 2011 Art. 33, 37: a second
-- complaint follows a first settlement; its deadline is 45 days, 60 complex, remote 60 / 70).
alter table complaints add column assigned_to text check (length(assigned_to) <= 60);
alter table complaints add column assigned_at timestamptz;
alter table complaints add column previous_id int references complaints(id);
alter table complaints add constraint complaints_previous_round check (previous_id is null or round = 2);
