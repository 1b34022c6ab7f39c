-- The incident report a lead exports from a case: a summary and the impact, written on the case,
-- and the follow-up actions as a checklist.
ALTER TABLE cases ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN impact TEXT NOT NULL DEFAULT '';

CREATE TABLE followups (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  done        INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);
CREATE INDEX followups_case ON followups(case_id, id);

-- Who opened a terminal session: the report lists everyone who worked on the case.
ALTER TABLE terminal_sessions ADD COLUMN author TEXT;
