-- Interactive terminals opened from a case, recorded as asciicast v2. The header line is kept on
-- the session; the event lines ([t, "o", data] / [t, "r", "COLSxROWS"]) arrive in batches as
-- chunks, already redacted. Keystrokes are never recorded (a sudo password typed in stays out).
CREATE TABLE terminal_sessions (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  node_id       INTEGER REFERENCES nodes(id) ON DELETE SET NULL,
  node_name     TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('open', 'closed', 'interrupted')),
  close_reason  TEXT,
  owner_pid     INTEGER,                 -- process holding it, so start-up only closes sessions of dead owners
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  bytes         INTEGER NOT NULL DEFAULT 0,  -- output bytes received from the node
  header        TEXT NOT NULL                -- the asciicast v2 header line (JSON)
);
CREATE INDEX terminal_sessions_case ON terminal_sessions(case_id);
CREATE INDEX terminal_sessions_open ON terminal_sessions(state) WHERE state = 'open';

CREATE TABLE terminal_chunks (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES terminal_sessions(id) ON DELETE CASCADE,
  events      TEXT NOT NULL                -- asciicast event lines, each ending in \n
);
CREATE INDEX terminal_chunks_session ON terminal_chunks(session_id, id);
