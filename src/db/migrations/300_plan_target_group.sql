-- A target for a named group of units (issue 11 item 5): "riêng các xã đặc biệt khó khăn 4%"
-- keeps the indicator of the target before it and is for "các xã đặc biệt khó khăn" only.
-- The extraction reads the group (ExtractedTarget.group); null is a target for the whole unit.
alter table plan_targets add column unit_group text check (unit_group is null or length(unit_group) between 1 and 200);
