-- "Write prompt" runs as its own AI generation while the item's picture may be generating too, so an item follows
-- two generations at once: generation_id (the picture, with status 'generating') and this one (the prompt text).
ALTER TABLE moodboards ADD COLUMN prompt_generation_id UUID;
