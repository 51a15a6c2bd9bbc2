-- The formats an organisation offers (seed 002 §3.3: Veranstaltungen, Beratung, Hilfe beim
-- Ankommen, Begleitung, and others): comma-separated ids, see bot/directory/service.py.
ALTER TABLE organisations ADD COLUMN formats TEXT NOT NULL DEFAULT '';
