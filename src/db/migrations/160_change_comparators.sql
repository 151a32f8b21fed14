-- Change targets (issue 11, issue 16 item 4): "giảm tỷ lệ hộ nghèo 1,5%/năm" is reduce_by 1,5 and
-- "tăng thêm 7 xã" increase_by 7, measured from the target's baseline (a unit ending in "/năm"
-- is a change per year). The comparator list is src/indicators/vocabulary.ts (COMPARATORS);
-- a test compares the two.
alter table plan_targets drop constraint if exists plan_targets_comparator_check;
alter table plan_targets add constraint plan_targets_comparator_check
  check (comparator in ('>', '>=', '<', '<=', '=', '~', 'maintain', 'reduce_by', 'increase_by'));
