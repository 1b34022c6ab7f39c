-- The report's root cause and contributing factors as the lead writes them (empty: the report
-- takes the case's top finding and the other root problems), and who owns each follow-up action
-- and by when (a date, YYYY-MM-DD).
ALTER TABLE cases ADD COLUMN root_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN contributing TEXT NOT NULL DEFAULT '';
ALTER TABLE followups ADD COLUMN owner TEXT;
ALTER TABLE followups ADD COLUMN due TEXT;
