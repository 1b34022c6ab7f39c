-- A finding's texts as message ids with parameters (main/shared/finding-texts), JSON, so the app
-- shows the finding in the UI language; NULL for analyzers that give English text only and for
-- older findings (their stored English is shown).
ALTER TABLE findings ADD COLUMN text_json TEXT;
