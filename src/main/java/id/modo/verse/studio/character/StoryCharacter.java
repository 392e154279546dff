package id.modo.verse.studio.character;

import id.modo.verse.common.LowercaseEnumConverter;
import id.modo.verse.studio.section.SectionValues;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
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
 * A character of a project's bible. Each part (the profile, each JSONB section, the arc) is saved on
 * its own through the version history, which serializes saves of one part; {@link DynamicUpdate}
 * makes the row update write only the part that changed, so two people saving two different parts
 * at once do not overwrite each other.
 */
@Entity
@Table(name = "characters")
@DynamicUpdate
class StoryCharacter {

    @Id
    private UUID id;
    @Column(name = "project_id")
    private UUID projectId;
    private String name;
    @Convert(converter = RoleConverter.class)
    private CharacterRole role;
    private String archetype;
    @Column(name = "image_url")
    private String imageUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_poses")
    private Map<String, String> imagePoses = new LinkedHashMap<>();
    @Column(name = "cast_reference")
    private String castReference;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> physiological = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> psychological = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> emotional = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> family = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> sociocultural = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "core_beliefs")
    private Map<String, String> coreBeliefs = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> educational = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> sociopolitics = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "swot_analysis")
    private Map<String, String> swotAnalysis = new LinkedHashMap<>();
    @Column(name = "character_arc")
    private String characterArc;
    private String transformation;
    @Column(name = "display_order")
    private int displayOrder;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StoryCharacter() {
    }

    static StoryCharacter create(UUID projectId, String name, int displayOrder, Instant now) {
        StoryCharacter character = new StoryCharacter();
        character.id = UUID.randomUUID();
        character.projectId = projectId;
        character.name = name.strip();
        character.displayOrder = displayOrder;
        character.createdAt = now;
        character.updatedAt = now;
        return character;
    }

    void changeProfile(CharacterProfile profile, Instant now) {
        name = profile.name();
        role = profile.role();
        archetype = profile.archetype();
        castReference = profile.castReference();
        updatedAt = now;
    }

    void changeArc(CharacterArc arc, Instant now) {
        characterArc = arc.characterArc();
        transformation = arc.transformation();
        updatedAt = now;
    }

    /** Replaces a whole section with values {@link SectionValues} already checked. */
    void changeSection(CharacterSection section, Map<String, String> values, Instant now) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        switch (section) {
            case PHYSIOLOGICAL -> physiological = copy;
            case PSYCHOLOGICAL -> psychological = copy;
            case EMOTIONAL -> emotional = copy;
            case FAMILY -> family = copy;
            case SOCIOCULTURAL -> sociocultural = copy;
            case CORE_BELIEFS -> coreBeliefs = copy;
            case EDUCATIONAL -> educational = copy;
            case SOCIOPOLITICS -> sociopolitics = copy;
            case SWOT_ANALYSIS -> swotAnalysis = copy;
        }
        updatedAt = now;
    }

    void changeImage(String url, Instant now) {
        imageUrl = url;
        updatedAt = now;
    }

    void changePose(ImagePose pose, String url, Instant now) {
        Map<String, String> poses = new LinkedHashMap<>();
        for (ImagePose p : ImagePose.values()) {
            String value = p == pose ? url : imagePoses.get(p.key());
            if (value != null) {
                poses.put(p.key(), value);
            }
        }
        imagePoses = poses;
        updatedAt = now;
    }

    Map<String, String> section(CharacterSection section) {
        Map<String, String> values = switch (section) {
            case PHYSIOLOGICAL -> physiological;
            case PSYCHOLOGICAL -> psychological;
            case EMOTIONAL -> emotional;
            case FAMILY -> family;
            case SOCIOCULTURAL -> sociocultural;
            case CORE_BELIEFS -> coreBeliefs;
            case EDUCATIONAL -> educational;
            case SOCIOPOLITICS -> sociopolitics;
            case SWOT_ANALYSIS -> swotAnalysis;
        };
        return values == null ? Map.of() : values;
    }

    CharacterProfile profile() {
        return new CharacterProfile(name, role, archetype, castReference);
    }

    CharacterArc arc() {
        return new CharacterArc(characterArc, transformation);
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

    String imageUrl() {
        return imageUrl;
    }

    Map<String, String> imagePoses() {
        return imagePoses == null ? Map.of() : imagePoses;
    }

    int displayOrder() {
        return displayOrder;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Converter
    static class RoleConverter extends LowercaseEnumConverter<CharacterRole> {
        RoleConverter() {
            super(CharacterRole.class);
        }
    }
}
