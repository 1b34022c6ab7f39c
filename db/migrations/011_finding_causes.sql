-- A finding may name the checks whose failure would explain it (`galera.non-primary`, or
-- `galera.*`): the summary shows it under such a failure as a consequence. A JSON array of
-- check ids; older findings explain nothing.
ALTER TABLE findings ADD COLUMN explained_by TEXT NOT NULL DEFAULT '[]';
