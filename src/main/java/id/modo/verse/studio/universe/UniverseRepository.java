package id.modo.verse.studio.universe;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UniverseRepository extends Repository<Universe, UUID> {

    Universe save(Universe universe);

    @Query("select u from Universe u where u.projectId = ?1")
    Optional<Universe> findByProject(UUID projectId);

    @Query("select u from Universe u where u.projectId = ?1 and u.id = ?2")
    Optional<Universe> findInProject(UUID projectId, UUID id);
}
