-- The case timeline: who opened a case and started each run, status changes (open → mitigated →
-- resolved) with their author, and full-text search over case titles and notes, so "have we seen
-- this error before?" looks at everything a person or a command wrote into the case log.
ALTER TABLE cases ADD COLUMN opened_by TEXT;
ALTER TABLE runs ADD COLUMN author TEXT;

-- Things that happened to a case besides runs and notes. `kind` is open-ended on purpose
-- ('status' today) so later features add theirs without a table rebuild.
CREATE TABLE case_events (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  author      TEXT,
  from_value  TEXT,
  to_value    TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, id);

CREATE VIRTUAL TABLE case_fts USING fts5(title, content = 'cases', content_rowid = 'id', tokenize = 'unicode61');
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
  INSERT INTO case_fts(case_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF title ON cases BEGIN
  INSERT INTO case_fts(case_fts, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO case_fts(rowid, title) VALUES (new.id, new.title);
END;
INSERT INTO case_fts(case_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE note_fts USING fts5(text, content = 'notes', content_rowid = 'id', tokenize = 'unicode61');
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO note_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
  INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO note_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO note_fts(note_fts) VALUES ('rebuild');
