package id.modo.verse.studio.character;

import static id.modo.verse.studio.section.SectionField.text;

import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.section.SectionSchema;
import java.util.List;
import java.util.Optional;

/**
 * The JSONB sections of a character and their known fields, as the ERD lists them in its column
 * comments. Age lives in {@link #PHYSIOLOGICAL}, as in the ERD.
 */
public enum CharacterSection implements SectionSchema {

    PHYSIOLOGICAL("physiological", "Physiology", "Fisiologi", List.of(
            text("age", "Age", "Usia"),
            text("gender", "Gender", "Jenis kelamin"),
            text("height", "Height", "Tinggi badan"),
            text("weight", "Weight", "Berat badan"),
            text("body_type", "Body type", "Bentuk tubuh"),
            text("hair_style", "Hair style", "Gaya rambut"),
            text("hair_color", "Hair colour", "Warna rambut"),
            text("eye_color", "Eye colour", "Warna mata"),
            text("skin_tone", "Skin tone", "Warna kulit"),
            text("distinguishing_features", "Distinguishing features", "Ciri khas"),
            text("clothing_style", "Clothing style", "Gaya berpakaian"),
            text("birth_signs", "Birth signs", "Tanda lahir"),
            text("uniqueness", "What makes them unique", "Keunikan"))),

    PSYCHOLOGICAL("psychological", "Psychology", "Psikologi", List.of(
            text("personality_type", "Personality type (MBTI)", "Tipe kepribadian (MBTI)"),
            text("archetype", "Archetype", "Arketipe"),
            text("intelligence", "Intelligence", "Kecerdasan"),
            text("temperament", "Temperament", "Temperamen"),
            text("fears", "Fears", "Ketakutan"),
            text("wants", "Wants", "Keinginan"),
            text("needs", "Needs", "Kebutuhan"),
            text("alter_ego", "Alter ego", "Alter ego"),
            text("traumatic_events", "Traumatic events", "Peristiwa traumatis"),
            text("mental_state", "Mental state", "Kondisi mental"),
            text("cognitive_style", "Cognitive style", "Gaya berpikir"))),

    EMOTIONAL("emotional", "Emotion", "Emosi", List.of(
            text("logos", "Logos (appeal to reason)", "Logos (daya nalar)"),
            text("ethos", "Ethos (credibility)", "Etos (kredibilitas)"),
            text("pathos", "Pathos (appeal to feeling)", "Patos (daya rasa)"),
            text("tone", "Tone", "Nada"),
            text("style", "Style", "Gaya"),
            text("mode", "Mode", "Mode"),
            text("emotional_range", "Emotional range", "Rentang emosi"),
            text("triggers", "Triggers", "Pemicu"),
            text("coping_mechanisms", "Coping mechanisms", "Cara mengatasi masalah"))),

    FAMILY("family", "Family", "Keluarga", List.of(
            text("spouse", "Spouse", "Pasangan"),
            text("children", "Children", "Anak"),
            text("parents", "Parents", "Orang tua"),
            text("siblings", "Siblings", "Saudara kandung"),
            text("family_dynamics", "Family dynamics", "Dinamika keluarga"))),

    SOCIOCULTURAL("sociocultural", "Society and culture", "Sosial budaya", List.of(
            text("social_class", "Social class", "Kelas sosial"),
            text("education", "Education", "Pendidikan"),
            text("occupation", "Occupation", "Pekerjaan"),
            text("culture", "Culture", "Budaya"),
            text("language", "Language", "Bahasa"),
            text("tribe", "Tribe or ethnic group", "Suku"),
            text("religion", "Religion", "Agama"),
            text("political_views", "Political views", "Pandangan politik"),
            text("economic_status", "Economic status", "Status ekonomi"),
            text("affiliations", "Affiliations", "Afiliasi"))),

    CORE_BELIEFS("core_beliefs", "Core beliefs", "Keyakinan inti", List.of(
            text("faith", "Faith", "Iman"),
            text("spirituality", "Spirituality", "Spiritualitas"),
            text("values", "Values", "Nilai-nilai"),
            text("integrity", "Integrity", "Integritas"),
            text("trustworthiness", "Trustworthiness", "Dapat dipercaya"),
            text("willingness", "Willingness", "Kesediaan"),
            text("vulnerability", "Vulnerability", "Kerentanan"),
            text("commitments", "Commitments", "Komitmen"))),

    EDUCATIONAL("educational", "Education and skills", "Pendidikan dan keahlian", List.of(
            text("degrees", "Degrees", "Gelar"),
            text("achievements", "Achievements", "Prestasi"),
            text("fellowships", "Fellowships", "Beasiswa dan fellowship"),
            text("skills", "Skills", "Keterampilan"),
            text("expertise", "Expertise", "Keahlian"))),

    SOCIOPOLITICS("sociopolitics", "Sociopolitics", "Sosial politik", List.of(
            text("party_affiliation", "Party affiliation", "Afiliasi partai"),
            text("nationalism", "Nationalism", "Nasionalisme"),
            text("citizenship", "Citizenship", "Kewarganegaraan"),
            text("activism", "Activism", "Aktivisme"))),

    SWOT_ANALYSIS("swot_analysis", "SWOT analysis", "Analisis SWOT", List.of(
            text("strengths", "Strengths", "Kekuatan"),
            text("weaknesses", "Weaknesses", "Kelemahan"),
            text("opportunities", "Opportunities", "Peluang"),
            text("threats", "Threats", "Ancaman")));

    // All a section enum must hold itself, as Java enums share no fields: the rest is SectionSchema's.
    private final Definition definition;

    CharacterSection(String key, String labelEn, String labelId, List<SectionField> fields) {
        definition = new Definition(key, labelEn, labelId, fields);
    }

    public static Optional<CharacterSection> byKey(String key) {
        return SectionSchema.byKey(CharacterSection.class, key);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
