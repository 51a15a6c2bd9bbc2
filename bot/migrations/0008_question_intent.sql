-- A message that asks for the coordination office rather than the knowledge base ("what is
-- the status of our application?", "I want to talk to a person"): the intent it was
-- recognised as (knowledge/intents.toml), NULL for a question to the knowledge base. It is
-- stored like a question because the hand-over buttons pass its text on; until it is handed
-- over it counts in no figure (it is neither answered nor a gap in the knowledge base).
-- Small talk and the bot's own features are not stored at all.
ALTER TABLE questions ADD COLUMN intent TEXT;
