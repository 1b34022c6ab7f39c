-- A case opened by a run or a check (not by a person choosing its severity) takes the severity of
-- its worst current finding, and keeps following it; a person's choice stays as chosen.
ALTER TABLE cases ADD COLUMN severity_auto INTEGER NOT NULL DEFAULT 0;
