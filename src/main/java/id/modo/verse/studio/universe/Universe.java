package id.modo.verse.studio.universe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A project's world: one per project. Like a character, each part is saved on its own through the
 * version history, and {@link DynamicUpdate} writes only the part that changed.
 */
@Entity
@Table(name = "universes")
@DynamicUpdate
class Universe {

    @Id
    private UUID id;
    @Column(name = "project_id")
    private UUID projectId;
    private String name;
    private String description;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> environment = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_systems")
    private Map<String, String> publicSystems = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "private_systems")
    private Map<String, String> privateSystems = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> rules = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> history = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> visualizations = new LinkedHashMap<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Universe() {
    }

    void changeDetails(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        updatedAt = now;
    }

    void changeSection(UniverseSection section, Map<String, String> values, Instant now) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        switch (section) {
            case ENVIRONMENT -> environment = copy;
            case PUBLIC_SYSTEMS -> publicSystems = copy;
            case PRIVATE_SYSTEMS -> privateSystems = copy;
            case RULES -> rules = copy;
            case HISTORY -> history = copy;
            case VISUALIZATIONS -> visualizations = copy;
        }
        updatedAt = now;
    }

    Map<String, String> section(UniverseSection section) {
        Map<String, String> values = switch (section) {
            case ENVIRONMENT -> environment;
            case PUBLIC_SYSTEMS -> publicSystems;
            case PRIVATE_SYSTEMS -> privateSystems;
            case RULES -> rules;
            case HISTORY -> history;
            case VISUALIZATIONS -> visualizations;
        };
        return values == null ? Map.of() : values;
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
