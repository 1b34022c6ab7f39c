-- Who owns a running run or an open terminal session, beyond its pid: pids are reused (in a
-- container the app is often pid 1 again after a restart), so start-up compares the recorded
-- process identity too. On Linux it is "<boot id>:<start time in clock ticks>" from /proc; NULL
-- where it cannot be read (macOS, Windows), and then the pid alone decides, as before.
ALTER TABLE runs ADD COLUMN owner_started TEXT;
ALTER TABLE terminal_sessions ADD COLUMN owner_started TEXT;
