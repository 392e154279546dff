-- Studio, part 1: a section's or an entity's history without reading the rest of the project's history. With 10,000
-- versions of a story's details, the history page filtered to its beats, or a character's history, walked every
-- version of the project (idx_studio_versions_project) to find a handful. See docs/schema.md and bench/README.md.

-- The history page's filters: entity type, then section, newest first.
CREATE INDEX idx_studio_versions_section ON studio_versions (project_id, entity_type, section, created_at DESC, id DESC);
-- The API's entity_id filter (one character's or the universe's history), optionally with a section.
CREATE INDEX idx_studio_versions_entity ON studio_versions (entity_id, section, created_at DESC, id DESC);
