-- Steps that need root run through sudo ("become", as Ansible calls it) when the login user is
-- not root: per cluster, and per node where a node differs (NULL: the node follows its cluster).
-- `become_password`: sudo there asks for a password, so the session asks for it once (memory
-- only; it is never stored). The user name is checked by the contract (a POSIX user name); the
-- CHECK keeps a hand-edited row to those characters too (the command quotes it anyway).
ALTER TABLE clusters ADD COLUMN become_enabled INTEGER NOT NULL DEFAULT 0 CHECK (become_enabled IN (0, 1));
ALTER TABLE clusters ADD COLUMN become_user TEXT NOT NULL DEFAULT 'root' CHECK (length(become_user) BETWEEN 1 AND 32 AND become_user NOT GLOB '*[^A-Za-z0-9._-]*');
ALTER TABLE clusters ADD COLUMN become_password INTEGER NOT NULL DEFAULT 0 CHECK (become_password IN (0, 1));
ALTER TABLE nodes ADD COLUMN become_enabled INTEGER CHECK (become_enabled IS NULL OR become_enabled IN (0, 1));
ALTER TABLE nodes ADD COLUMN become_user TEXT CHECK (become_user IS NULL OR (length(become_user) BETWEEN 1 AND 32 AND become_user NOT GLOB '*[^A-Za-z0-9._-]*'));
ALTER TABLE nodes ADD COLUMN become_password INTEGER CHECK (become_password IS NULL OR become_password IN (0, 1));
