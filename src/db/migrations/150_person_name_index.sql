-- Person search of one commune served from one index (issue 18 item 7): the folded name's
-- trigrams keyed by the commune (btree_gin lets unit_id share the GIN index with the trigram
-- operator class). Before, the planner ANDed two bitmaps, persons_name_trgm over the whole
-- registry and unit_id over the commune's 204,000 rows (about 10 ms per search on 1M persons);
-- with the composite index the commune's matches come from one bitmap (17 → 7.5 ms for
-- "thi un", 2,362 matches). persons_name_trgm stays for searches over many communes. PGlite ships
-- btree_gin as @electric-sql/pglite/contrib/btree_gin (loaded in src/db/connection.ts).
create extension if not exists btree_gin;
create index persons_unit_name_trgm on persons using gin (unit_id, name_folded gin_trgm_ops);
