-- A progress report becomes one INSERT ... ON CONFLICT: the ERD's UNIQUE (user_id, content_id, episode_id) now also
-- holds for a movie's row (NULL episode), so the application no longer needs an advisory lock and an UPDATE before an
-- INSERT. NULLS NOT DISTINCT would make two rows collide when an episode they point at is deleted (ON DELETE SET NULL),
-- so a deleted episode now takes its history rows with it (ON DELETE CASCADE); a row with no episode on a series
-- led nowhere (continue watching opened a series without an episode to play).

-- Rows with no episode that repeat a (user, content), as an earlier episode deletion could leave them: keep the
-- newest per (user, content) so the new key can be built.
DELETE FROM watch_history h
USING watch_history newer
WHERE h.episode_id IS NULL AND newer.episode_id IS NULL
  AND h.user_id = newer.user_id AND h.content_id = newer.content_id
  AND (h.watched_at, h.id) < (newer.watched_at, newer.id);

ALTER TABLE watch_history DROP CONSTRAINT watch_history_episode_id_fkey;
ALTER TABLE watch_history ADD CONSTRAINT watch_history_episode_id_fkey
  FOREIGN KEY (episode_id) REFERENCES content_episodes(id) ON DELETE CASCADE;

ALTER TABLE watch_history DROP CONSTRAINT watch_history_user_id_content_id_episode_id_key;
ALTER TABLE watch_history ADD CONSTRAINT watch_history_user_id_content_id_episode_id_key
  UNIQUE NULLS NOT DISTINCT (user_id, content_id, episode_id);
