-- stackscope-migrate: foreign_keys=off
-- Node ids are never reused. Secrets, open terminals and pooled connections are looked up by node
-- id; with a plain INTEGER PRIMARY KEY SQLite hands the id of a removed node (the highest one) to
-- the next node added, and whatever still pointed at the old node then points at a different host
-- (issue 12, item 6). AUTOINCREMENT never gives an id twice.
--
-- SQLite adds AUTOINCREMENT only by rebuilding the table (https://www.sqlite.org/lang_altertable.html,
-- "Making Other Kinds Of Table Schema Changes"): create the new table, copy, drop the old one,
-- rename. The first line tells db/database.ts to run this migration with foreign keys off: with
-- them on, DROP TABLE nodes would set step_results.node_id, terminal_sessions.node_id and
-- nodes.jump_node_id to NULL. migrate() runs PRAGMA foreign_key_check before it commits.
CREATE TABLE nodes_rebuilt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  cluster_id    INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  host          TEXT NOT NULL,
  port          INTEGER NOT NULL,
  user          TEXT NOT NULL,
  roles         TEXT NOT NULL,           -- JSON array of roles
  auth          TEXT NOT NULL,           -- JSON NodeAuth, never a secret
  jump_node_id  INTEGER REFERENCES nodes(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (cluster_id, name)
);

-- Explicit ids keep every reference valid; sqlite_sequence starts at the highest id copied.
INSERT INTO nodes_rebuilt (id, cluster_id, name, host, port, user, roles, auth, jump_node_id, created_at)
  SELECT id, cluster_id, name, host, port, user, roles, auth, jump_node_id, created_at FROM nodes;

DROP TABLE nodes;
ALTER TABLE nodes_rebuilt RENAME TO nodes;
