package id.modo.verse.studio.universe;

import static id.modo.verse.studio.section.SectionField.image;
import static id.modo.verse.studio.section.SectionField.text;

import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.section.SectionSchema;
import java.util.List;
import java.util.Optional;

/**
 * The JSONB sections of a universe and their known fields, as the ERD lists them. Every section
 * but the visualizations (which are all pictures) also takes one illustrating {@code image}, so
 * each section has text and a picture.
 */
public enum UniverseSection implements SectionSchema {

    ENVIRONMENT("environment", "Environment", "Lingkungan", List.of(
            text("landscape", "Landscape", "Bentang alam"),
            text("climate", "Climate", "Iklim"),
            text("geography", "Geography", "Geografi"),
            text("architecture", "Architecture", "Arsitektur"),
            text("technology_level", "Technology level", "Tingkat teknologi"),
            text("time_period", "Time period", "Periode waktu"),
            text("key_locations", "Key locations", "Lokasi penting"),
            image("image", "Picture", "Gambar"))),

    PUBLIC_SYSTEMS("public_systems", "Public systems", "Sistem publik", List.of(
            text("government_type", "Government type", "Bentuk pemerintahan"),
            text("political_structure", "Political structure", "Struktur politik"),
            text("legal_system", "Legal system", "Sistem hukum"),
            text("economy_type", "Economy", "Sistem ekonomi"),
            text("currency", "Currency", "Mata uang"),
            text("military", "Military", "Militer"),
            text("education_system", "Education system", "Sistem pendidikan"),
            text("healthcare", "Healthcare", "Layanan kesehatan"),
            image("image", "Picture", "Gambar"))),

    PRIVATE_SYSTEMS("private_systems", "Private systems", "Sistem privat", List.of(
            text("family_structure", "Family structure", "Struktur keluarga"),
            text("social_classes", "Social classes", "Kelas sosial"),
            text("cultural_norms", "Cultural norms", "Norma budaya"),
            text("traditions", "Traditions", "Tradisi"),
            text("religions", "Religions", "Agama dan kepercayaan"),
            text("languages", "Languages", "Bahasa"),
            text("arts", "Arts", "Kesenian"),
            text("entertainment", "Entertainment", "Hiburan"),
            image("image", "Picture", "Gambar"))),

    RULES("rules", "Rules and magic", "Aturan dan sihir", List.of(
            text("magic_system", "Magic system", "Sistem sihir"),
            text("technology_rules", "Technology rules", "Aturan teknologi"),
            text("supernatural_elements", "Supernatural elements", "Unsur gaib"),
            text("unique_physics", "Unique physics", "Fisika khusus"),
            text("limitations", "Limitations", "Batasan"),
            image("image", "Picture", "Gambar"))),

    HISTORY("history", "History", "Sejarah", List.of(
            text("origin", "Origin", "Asal-usul"),
            text("major_events", "Major events", "Peristiwa besar"),
            text("conflicts", "Conflicts", "Konflik"),
            text("legends", "Legends", "Legenda"),
            image("image", "Picture", "Gambar"))),

    VISUALIZATIONS("visualizations", "Visualizations", "Visualisasi", List.of(
            image("environment_image", "Environment", "Lingkungan"),
            image("society_image", "Society", "Masyarakat"),
            image("private_image", "Private life", "Kehidupan pribadi"),
            image("map_image", "Map", "Peta")));

    // All a section enum must hold itself, as Java enums share no fields: the rest is SectionSchema's.
    private final Definition definition;

    UniverseSection(String key, String labelEn, String labelId, List<SectionField> fields) {
        definition = new Definition(key, labelEn, labelId, fields);
    }

    public static Optional<UniverseSection> byKey(String key) {
        return SectionSchema.byKey(UniverseSection.class, key);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
