package id.modo.verse.studio.character;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CharacterRepository extends Repository<StoryCharacter, UUID> {

    StoryCharacter save(StoryCharacter character);

    void delete(StoryCharacter character);

    Optional<StoryCharacter> findById(UUID id);

    @Query("select c from StoryCharacter c where c.projectId = ?1 and c.id = ?2")
    Optional<StoryCharacter> findInProject(UUID projectId, UUID id);

    @Query("select c from StoryCharacter c where c.projectId = ?1 order by c.displayOrder, c.createdAt, c.id")
    List<StoryCharacter> findByProject(UUID projectId);

    @Query("select count(c) from StoryCharacter c where c.projectId = ?1")
    long countByProject(UUID projectId);

    @Query("select coalesce(max(c.displayOrder), -1) from StoryCharacter c where c.projectId = ?1")
    int maxDisplayOrder(UUID projectId);
}
