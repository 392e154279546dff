-- A project's monthly credit allotment sums its generations of the month (ai.ProjectAllotments) under its lock.
CREATE INDEX idx_ai_generations_project ON ai_generations (project_id, created_at) WHERE project_id IS NOT NULL;
