package id.modo.verse.watch;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContentRepository extends JpaRepository<Content, UUID> {
}
