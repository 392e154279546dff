package bench.minimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "notes")
class Note {

    @Id
    private UUID id;

    private String text;
}
