-- Inventory, known host keys, and the case log. Secrets are never stored here:
-- nodes.auth holds only the method and whether a passphrase is needed.
CREATE TABLE clusters (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  deployment  TEXT NOT NULL CHECK (deployment IN ('openstack-helm', 'kolla', 'packages')),
  created_at  TEXT NOT NULL
);

CREATE TABLE nodes (
  id            INTEGER PRIMARY KEY,
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

CREATE TABLE known_host_keys (
  host         TEXT NOT NULL,
  port         INTEGER NOT NULL,
  key_type     TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  public_key   TEXT NOT NULL,            -- base64 of the SSH wire-format key blob
  trusted_at   TEXT NOT NULL,
  PRIMARY KEY (host, port)
);

CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigated', 'resolved')),
  cluster_id  INTEGER REFERENCES clusters(id) ON DELETE SET NULL,
  opened_at   TEXT NOT NULL,
  closed_at   TEXT
);

CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  cluster_id  INTEGER REFERENCES clusters(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('exec', 'playbook')),
  title       TEXT NOT NULL,
  params      TEXT NOT NULL DEFAULT '{}',
  state       TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted', 'cancelled')),
  owner_pid   INTEGER,                   -- process running it, so start-up only interrupts dead owners
  started_at  TEXT NOT NULL,
  ended_at    TEXT
);
CREATE INDEX runs_case ON runs(case_id);
CREATE INDEX runs_running ON runs(state) WHERE state = 'running';

CREATE TABLE step_results (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  node_id       INTEGER REFERENCES nodes(id) ON DELETE SET NULL,
  node_name     TEXT NOT NULL,
  step_key      TEXT NOT NULL DEFAULT 'exec',
  command       TEXT NOT NULL,
  command_sent  TEXT NOT NULL,
  state         TEXT NOT NULL,
  exit_code     INTEGER,
  exit_signal   TEXT,
  error         TEXT,
  stdout        TEXT NOT NULL DEFAULT '',
  stderr        TEXT NOT NULL DEFAULT '',
  truncated     INTEGER NOT NULL DEFAULT 0,
  started_at    TEXT,
  ended_at      TEXT,
  duration_ms   INTEGER
);
CREATE INDEX step_results_run ON step_results(run_id);

-- Output as it streams; folded into step_results when the step ends (or at next start after a crash).
CREATE TABLE step_chunks (
  id       INTEGER PRIMARY KEY,
  step_id  INTEGER NOT NULL REFERENCES step_results(id) ON DELETE CASCADE,
  stream   TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr')),
  data     TEXT NOT NULL
);
CREATE INDEX step_chunks_step ON step_chunks(step_id, id);

CREATE TABLE findings (
  id           INTEGER PRIMARY KEY,
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  severity     TEXT NOT NULL,
  status       TEXT NOT NULL,
  title        TEXT NOT NULL,
  explanation  TEXT NOT NULL DEFAULT '',
  evidence     TEXT NOT NULL DEFAULT '[]',  -- JSON [{node, step, lines}]
  remediation  TEXT NOT NULL DEFAULT '',
  runbook      TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX findings_run ON findings(run_id);

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX notes_case ON notes(case_id);

-- "Have we seen this error before?": full-text index over finished step output.
CREATE VIRTUAL TABLE step_output_fts USING fts5(
  stdout, stderr, content = 'step_results', content_rowid = 'id', tokenize = 'unicode61'
);
CREATE TRIGGER step_results_fts_insert AFTER INSERT ON step_results BEGIN
  INSERT INTO step_output_fts(rowid, stdout, stderr) VALUES (new.id, new.stdout, new.stderr);
END;
CREATE TRIGGER step_results_fts_delete AFTER DELETE ON step_results BEGIN
  INSERT INTO step_output_fts(step_output_fts, rowid, stdout, stderr) VALUES ('delete', old.id, old.stdout, old.stderr);
END;
CREATE TRIGGER step_results_fts_update AFTER UPDATE OF stdout, stderr ON step_results BEGIN
  INSERT INTO step_output_fts(step_output_fts, rowid, stdout, stderr) VALUES ('delete', old.id, old.stdout, old.stderr);
  INSERT INTO step_output_fts(rowid, stdout, stderr) VALUES (new.id, new.stdout, new.stderr);
END;
