-- A trainee's progress through guided runbooks, per case: the latest run each step started and
-- whether the step is marked understood. Runbooks live in files (playbooks/runbooks), so they are
-- named by id; a step removed from its runbook just stops being shown.
CREATE TABLE runbook_progress (
  case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  runbook_id     TEXT NOT NULL,
  step_id        TEXT NOT NULL,
  run_id         INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  ran_at         TEXT,
  understood     INTEGER NOT NULL DEFAULT 0 CHECK (understood IN (0, 1)),
  understood_at  TEXT,
  PRIMARY KEY (case_id, runbook_id, step_id)
);
