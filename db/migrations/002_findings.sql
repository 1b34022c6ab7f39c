-- Findings as the playbook engine reports them (Citellus-style status, the check that made them,
-- likely cause, why a check was skipped), and which playbook step a step result belongs to.
ALTER TABLE findings ADD COLUMN check_id TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN likely_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN skipped_reason TEXT;
-- `remediation` (from 001) holds the finding's next step.

-- "Have we seen this error before?" also looks at findings.
CREATE VIRTUAL TABLE finding_fts USING fts5(title, explanation, evidence, content = 'findings', content_rowid = 'id', tokenize = 'unicode61');
CREATE TRIGGER findings_fts_insert AFTER INSERT ON findings BEGIN
  INSERT INTO finding_fts(rowid, title, explanation, evidence) VALUES (new.id, new.title, new.explanation, new.evidence);
END;
CREATE TRIGGER findings_fts_delete AFTER DELETE ON findings BEGIN
  INSERT INTO finding_fts(finding_fts, rowid, title, explanation, evidence) VALUES ('delete', old.id, old.title, old.explanation, old.evidence);
END;
