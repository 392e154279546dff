-- Studio, part 1: characters' relationships in their own table, and the characters' display order.
-- Deviations from the ERD are in docs/schema.md ("Characters and universe").

-- Lets a relationship name (project, character) pairs, so the database itself refuses an edge between two
-- projects' characters.
ALTER TABLE characters ADD CONSTRAINT uq_characters_project_id UNIQUE (project_id, id);

-- The ERD keeps edges in characters.relationships (JSONB); a table gives them integrity instead: both ends exist,
-- belong to the same project, an edge is not a loop, and deleting a character deletes its edges in both
-- directions. The API still shows each character's relationships as the ERD's {character_id, relationship_type,
-- description} list.
CREATE TABLE character_relationships (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL,
  character_id UUID NOT NULL,
  related_character_id UUID NOT NULL,
  relationship_type VARCHAR(20) NOT NULL,
  description TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT fk_character_relationships_character FOREIGN KEY (project_id, character_id)
    REFERENCES characters (project_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_character_relationships_related FOREIGN KEY (project_id, related_character_id)
    REFERENCES characters (project_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_character_relationships_pair UNIQUE (project_id, character_id, related_character_id),
  CONSTRAINT ck_character_relationships_not_self CHECK (character_id <> related_character_id),
  CONSTRAINT ck_character_relationships_type
    CHECK (relationship_type IN ('family', 'friend', 'rival', 'mentor', 'love', 'enemy', 'ally', 'other')),
  CONSTRAINT ck_character_relationships_description CHECK (char_length(description) <= 2000)
);
CREATE INDEX idx_character_relationships_related ON character_relationships (project_id, related_character_id);

ALTER TABLE characters DROP COLUMN relationships;

-- The project's characters in display order (the characters page and the graph).
CREATE INDEX idx_characters_project_order ON characters (project_id, display_order, created_at, id);
