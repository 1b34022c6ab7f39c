-- Step output in bounded blocks of whole lines, written as it streams and never folded into one
-- row. One FTS document per step made a word found on every line of a 45 MB output cost minutes
-- (snippet() walks the whole document) and folding a finished step held its whole output in
-- memory several times over; a block is at most 16 K characters, so a hit is a line, a snippet
-- is cheap, and storing a 64 MB step costs what one block costs.
--
-- Offsets count UTF-16 code units, as the output pager and the renderer do (SQLite's length()
-- counts code points, so the writer computes them). The old step_results.stdout/stderr and
-- step_chunks are moved into blocks by db/output-blocks-upgrade.ts, run right after this file
-- in the same transaction, which then drops them.
CREATE TABLE output_blocks (
  id          INTEGER PRIMARY KEY,
  step_id     INTEGER NOT NULL REFERENCES step_results(id) ON DELETE CASCADE,
  stream      TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr')),
  first_line  INTEGER NOT NULL,   -- 1-based line number (in its stream) of the block's first line
  start_char  INTEGER NOT NULL,   -- offset of the block's first character in its stream
  chars       INTEGER NOT NULL    -- length of its text in UTF-16 code units
);
CREATE INDEX output_blocks_step ON output_blocks(step_id, stream, start_char);

-- The text apart from the block's numbers: a search groups thousands of matching blocks by step
-- reading these narrow rows (many to a page) instead of one 16 K row each.
CREATE TABLE output_text (
  id    INTEGER PRIMARY KEY REFERENCES output_blocks(id) ON DELETE CASCADE,
  text  TEXT NOT NULL
);

-- Per step and stream: characters and line breaks stored so far (totals, tails and the next
-- block's numbering without reading the blocks).
ALTER TABLE step_results ADD COLUMN stdout_chars INTEGER NOT NULL DEFAULT 0;
ALTER TABLE step_results ADD COLUMN stderr_chars INTEGER NOT NULL DEFAULT 0;
ALTER TABLE step_results ADD COLUMN stdout_breaks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE step_results ADD COLUMN stderr_breaks INTEGER NOT NULL DEFAULT 0;

CREATE VIRTUAL TABLE output_fts USING fts5(text, content = 'output_text', content_rowid = 'id', tokenize = 'unicode61');
CREATE TRIGGER output_text_fts_insert AFTER INSERT ON output_text BEGIN
  INSERT INTO output_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER output_text_fts_delete AFTER DELETE ON output_text BEGIN
  INSERT INTO output_fts(output_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- The per-step index goes; its rows are rebuilt as blocks.
DROP TRIGGER step_results_fts_insert;
DROP TRIGGER step_results_fts_delete;
DROP TRIGGER step_results_fts_update;
DROP TABLE step_output_fts;
