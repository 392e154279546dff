-- Studio part 2, a character's picture made by AI: the generation whose picture is proposed for the character and waits
-- for the user to accept or discard it (one at a time). See docs/schema.md ("Added for features").
ALTER TABLE characters ADD COLUMN image_generation_id UUID;
CREATE UNIQUE INDEX uq_characters_image_generation ON characters (image_generation_id) WHERE image_generation_id IS NOT NULL;
