package id.modo.verse.studio.bible;

import id.modo.verse.common.Formats;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.character.CharacterPages;
import id.modo.verse.studio.character.CharacterView;
import id.modo.verse.studio.character.Characters;
import id.modo.verse.studio.character.RelationshipGraph;
import id.modo.verse.studio.project.Collaborators;
import id.modo.verse.studio.section.StudioImages;
import id.modo.verse.studio.story.Stories;
import id.modo.verse.studio.story.StoryContent;
import id.modo.verse.studio.story.StoryPageModels;
import id.modo.verse.studio.story.StoryPageModels.BeatCard;
import id.modo.verse.studio.universe.UniversePages;
import id.modo.verse.studio.universe.Universes;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers a bible's content as the person who asked for it sees the project, through the features' facades, and
 * embeds its pictures: the bytes come through the media module, so the renderer never fetches a URL (a signed link
 * could expire, and the server would be calling itself). The moodboard and the prediction are read from their
 * tables: same module, and only the ERD's columns of the prediction.
 */
@Component
class BibleContents {

    /** Pictures larger than this are left out rather than blowing up the PDF and the job's memory. */
    static final long MAX_PICTURE_BYTES = 12L * 1024 * 1024;

    /** The palette goes into a style attribute, so only a hex colour may. */
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3,8}");

    private final Stories stories;
    private final Characters characters;
    private final Universes universes;
    private final Collaborators collaborators;
    private final StudioImages images;
    private final PublicBible header;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;

    BibleContents(Stories stories, Characters characters, Universes universes, Collaborators collaborators, StudioImages images,
            PublicBible header, JdbcClient jdbc, JsonMapper json, MessageSource messages) {
        this.stories = stories;
        this.characters = characters;
        this.universes = universes;
        this.collaborators = collaborators;
        this.images = images;
        this.header = header;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    /** Told after each picture is embedded, the slow part of gathering. */
    interface Progress {
        void picture(int embedded);
    }

    /** The bible of {@code project} as {@code reader} may read it (404 otherwise), with only {@code sections} filled. */
    BibleDocument read(UserId reader, ProjectId project, Set<BibleSection> sections, BibleLanguage language, ZoneId zone, Progress progress) {
        Stories.Story story = stories.get(reader, project);
        ProjectView view = story.project();
        Locale locale = language.locale();
        Embedder embed = new Embedder(view.organizationId(), progress);
        StoryContent.Details details = story.details();
        BiblePages.BibleHeader head = header.header(view, details, sections.contains(BibleSection.COVER) ? embed : reference -> null);
        List<BeatCard> cards = StoryPageModels.cards(story.beats(), locale);

        boolean cast = sections.contains(BibleSection.CHARACTERS) || sections.contains(BibleSection.STRUCTURE);
        List<CharacterView> people = cast ? characters.list(reader, project) : List.of();
        List<CharacterPages.Profile> profiles = List.of();
        String graph = null;
        if (sections.contains(BibleSection.CHARACTERS)) {
            profiles = people.stream().map(c -> CharacterPages.profile(c, locale, embed, embed)).toList();
            graph = people.isEmpty() ? null : graph(people, locale);
        }
        BibleDocument.Cover cover = new BibleDocument.Cover(head.logoUrl(), details.logline(), joined(head.genre(), head.subGenre()),
                head.format() == null ? null : text(locale, "studio.format." + head.format()), head.studioName(), head.studioLogoUrl(),
                head.palette().stream().filter(c -> HEX.matcher(c).matches()).toList());
        return new BibleDocument(language, view.title(), Set.copyOf(sections), cover, overview(view, details, head, locale),
                view.description(),
                new BibleDocument.Story(details.premise(), details.logline(), details.synopsis(), details.globalSynopsis()),
                sections.contains(BibleSection.STRUCTURE) ? structure(story, cards, people, locale) : null,
                story.wantNeed(), profiles, graph,
                sections.contains(BibleSection.UNIVERSE) ? UniversePages.shown(universes.get(reader, project), locale, embed) : null,
                sections.contains(BibleSection.MOODBOARD) ? moodboard(project, cards, embed) : List.of(),
                sections.contains(BibleSection.PREDICTION) ? prediction(project, locale, zone) : null,
                sections.contains(BibleSection.TEAM) ? team(reader, project, locale) : List.of(), messages);
    }

    private List<BibleDocument.Fact> overview(ProjectView view, StoryContent.Details details, BiblePages.BibleHeader head, Locale locale) {
        List<BibleDocument.Fact> facts = new ArrayList<>();
        fact(facts, locale, "studio.field.genre", joined(head.genre(), head.subGenre()));
        fact(facts, locale, "studio.field.format", head.format() == null ? null : text(locale, "studio.format." + head.format()));
        fact(facts, locale, "bible.pdf.fact.tone", details.tone());
        fact(facts, locale, "bible.pdf.fact.theme", joined(details.theme(), details.subTheme()));
        fact(facts, locale, "studio.field.target_audience", details.targetAudience());
        fact(facts, locale, "studio.field.target_market", details.targetMarket());
        fact(facts, locale, "bible.pdf.fact.age_rating", details.ageRating());
        fact(facts, locale, "bible.pdf.fact.duration", details.duration());
        fact(facts, locale, "bible.pdf.fact.episodes", details.episodeCount() == null ? null : String.valueOf(details.episodeCount()));
        fact(facts, locale, "bible.studio", head.studioName());
        return facts;
    }

    private void fact(List<BibleDocument.Fact> facts, Locale locale, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new BibleDocument.Fact(text(locale, key), value));
        }
    }

    private BibleDocument.Structure structure(Stories.Story story, List<BeatCard> cards, List<CharacterView> people, Locale locale) {
        Map<String, String> names = new HashMap<>();
        people.forEach(c -> names.put(c.id().toString(), c.name()));
        List<BibleDocument.Beat> beats = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            BeatCard card = cards.get(i);
            List<BibleDocument.KeyAction> actions = new ArrayList<>();
            story.beats().keyActions().getOrDefault(card.key(), Map.of()).forEach((character, action) -> {
                if (action != null && !action.isBlank()) {
                    actions.add(new BibleDocument.KeyAction(names.getOrDefault(character, "?"), action));
                }
            });
            beats.add(new BibleDocument.Beat(i + 1, card.title(), card.act(), card.text(), card.intensity(), actions));
        }
        String curve = cards.isEmpty() ? null : BibleDrawings.curve(cards, StoryPageModels.curveLevels(cards));
        return new BibleDocument.Structure(StoryPageModels.structureName(story.beats(), locale), curve, beats);
    }

    private String graph(List<CharacterView> people, Locale locale) {
        List<RelationshipGraph.Node> nodes = people.stream().map(c -> new RelationshipGraph.Node(c.id().toString(), c.name(), null)).toList();
        List<RelationshipGraph.Edge> edges = new ArrayList<>();
        for (CharacterView c : people) {
            for (CharacterView.RelationshipView r : c.relationships()) {
                edges.add(new RelationshipGraph.Edge(c.id().toString(), r.characterId().toString(), r.relationshipType(), r.description()));
            }
        }
        RelationshipGraph.Texts texts = new RelationshipGraph.Texts(text(locale, "characters.graph.title"),
                text(locale, "characters.graph.legend"), text(locale, "characters.graph.empty"), text(locale, "characters.graph.summary"), locale);
        return BibleDrawings.graph(nodes, edges, texts);
    }

    private record MoodboardRow(int beatIndex, String beatName, Integer keyActionIndex, String description, String imageUrl, String status) {
    }

    /** Each beat that has moodboard items, in story order, titled as the structure names it (else by its stored key). */
    private List<BibleDocument.MoodboardBeat> moodboard(ProjectId project, List<BeatCard> cards, Function<String, String> embed) {
        List<MoodboardRow> rows = jdbc.sql("""
                select beat_index, beat_name, key_action_index, description, image_url, status from moodboards
                where project_id = ? order by beat_index, key_action_index nulls first, position, id""")
                .param(project.value())
                .query((rs, n) -> new MoodboardRow(rs.getInt("beat_index"), rs.getString("beat_name"),
                        (Integer) rs.getObject("key_action_index"), rs.getString("description"), rs.getString("image_url"), rs.getString("status")))
                .list();
        Map<String, String> titles = new HashMap<>();
        cards.forEach(c -> titles.put(c.key(), c.title()));
        Map<Integer, List<BibleDocument.MoodboardItem>> byBeat = new LinkedHashMap<>();
        Map<Integer, String> beatTitles = new HashMap<>();
        for (MoodboardRow row : rows) {
            beatTitles.putIfAbsent(row.beatIndex(), titles.getOrDefault(row.beatName(), row.beatName()));
            byBeat.computeIfAbsent(row.beatIndex(), k -> new ArrayList<>()).add(new BibleDocument.MoodboardItem(embed.apply(row.imageUrl()),
                    row.description(), row.keyActionIndex(), row.status()));
        }
        List<BibleDocument.MoodboardBeat> beats = new ArrayList<>();
        byBeat.forEach((index, items) -> beats.add(new BibleDocument.MoodboardBeat((index + 1) + ". " + beatTitles.get(index), items)));
        return beats;
    }

    private record PredictionRow(Integer predicted, Integer competitor, String scores, String modelVersion, java.time.Instant createdAt) {
    }

    /** The latest prediction, or null when the project has none. */
    private BibleDocument.Prediction prediction(ProjectId project, Locale locale, ZoneId zone) {
        return jdbc.sql("""
                select predicted_audience, competitor_audience, scores::text as scores, model_version, created_at
                from performance_predictions where project_id = ? order by created_at desc, id desc limit 1""")
                .param(project.value())
                .query((rs, n) -> new PredictionRow((Integer) rs.getObject("predicted_audience"), (Integer) rs.getObject("competitor_audience"),
                        rs.getString("scores"), rs.getString("model_version"), rs.getTimestamp("created_at").toInstant()))
                .optional()
                .map(row -> {
                    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
                    List<BibleDocument.Score> scores = new ArrayList<>();
                    for (Map<String, Object> score : json.readValue(row.scores(), new TypeReference<List<Map<String, Object>>>() {
                    })) {
                        scores.add(new BibleDocument.Score(Objects.toString(score.get("name"), ""), number(score.get("score"), locale),
                                number(score.get("competitor"), locale)));
                    }
                    return new BibleDocument.Prediction(row.predicted() == null ? null : numbers.format(row.predicted()),
                            row.competitor() == null ? null : numbers.format(row.competitor()), row.modelVersion(),
                            Formats.date(row.createdAt(), zone, locale), scores);
                })
                .orElse(null);
    }

    private static String number(Object value, Locale locale) {
        if (value instanceof Number n) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(2);
            return format.format(new BigDecimal(n.toString()));
        }
        return value == null ? "" : value.toString();
    }

    private List<BibleDocument.Member> team(UserId reader, ProjectId project, Locale locale) {
        return collaborators.list(reader, project).stream()
                .map(c -> new BibleDocument.Member(c.name() == null ? text(locale, "bible.pdf.team.former") : c.name(),
                        c.roleTitle() != null ? c.roleTitle() : text(locale, "studio.role." + c.role().dbValue())))
                .toList();
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String joined(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + " · " + second;
    }

    /**
     * Turns a picture reference into a {@code data:} URI of its bytes, once per reference; null for an empty one, one
     * that is not an image of this organization, or one too large.
     */
    private final class Embedder implements Function<String, String> {

        private final OrganizationId organization;
        private final Progress progress;
        private final Map<String, String> done = new HashMap<>();

        Embedder(OrganizationId organization, Progress progress) {
            this.organization = organization;
            this.progress = progress;
        }

        @Override
        public String apply(String reference) {
            if (reference == null || reference.isBlank()) {
                return null;
            }
            if (done.containsKey(reference)) {
                return done.get(reference);
            }
            String uri = images.read(organization, reference, MAX_PICTURE_BYTES)
                    .filter(p -> EMBEDDABLE.contains(p.mimeType()))
                    .map(p -> "data:" + p.mimeType() + ";base64," + Base64.getEncoder().encodeToString(p.bytes()))
                    .orElse(null);
            done.put(reference, uri);
            if (uri != null) {
                progress.picture((int) done.values().stream().filter(Objects::nonNull).count());
            }
            return uri;
        }
    }

    /** What openhtmltopdf can place in a PDF: raster pictures ImageIO reads (WebP and SVG it cannot). */
    private static final Set<String> EMBEDDABLE = Set.of("image/png", "image/jpeg", "image/gif");
}
