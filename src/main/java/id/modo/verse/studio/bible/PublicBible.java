package id.modo.verse.studio.bible;

import id.modo.verse.common.web.Ui;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.character.CharacterPages;
import id.modo.verse.studio.character.CharacterView;
import id.modo.verse.studio.character.Characters;
import id.modo.verse.studio.section.StudioImages;
import id.modo.verse.studio.story.Stories;
import id.modo.verse.studio.story.StoryContent;
import id.modo.verse.studio.universe.UniversePages;
import id.modo.verse.studio.universe.UniverseView;
import id.modo.verse.studio.universe.Universes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public bible of a public project shows besides its story: the project's header, the characters with their
 * graph and the universe, read through their features' facades. Only what a pitch needs leaves the workspace: no team,
 * no versions, no script, no one's name. Pictures are private assets, so they come as signed URLs that work without an
 * account until they expire.
 */
@Component
public class PublicBible {

    private final Stories stories;
    private final Characters characters;
    private final Universes universes;
    private final StudioImages images;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    PublicBible(Stories stories, Characters characters, Universes universes, StudioImages images, JdbcClient jdbc, JsonMapper json) {
        this.stories = stories;
        this.characters = characters;
        this.universes = universes;
        this.images = images;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A public project's bible; empty when the project is missing, in the trash or not public. */
    public record Bible(Stories.Story story, BiblePages.BibleHeader header, List<CharacterPages.Profile> characters, String graphSvg, UniversePages.Shown universe) {
    }

    @Transactional(readOnly = true)
    public Optional<Bible> of(ProjectId id, Ui ui) {
        return stories.publicStory(id).map(story -> {
            ProjectView project = story.project();
            OrganizationId organization = project.organizationId();
            List<CharacterView> cast = characters.listVisible(project);
            UniverseView world = universes.visible(project);
            StudioImages.Pictures pictures = images.pictures(organization, references(cast, world));
            List<CharacterPages.Profile> profiles = cast.stream()
                    .map(c -> CharacterPages.profile(c, ui.locale(), pictures::thumbnailUrl, pictures::url))
                    .toList();
            // Nodes link to the characters' cards further down the same page, never to the workspace.
            String graph = cast.isEmpty() ? null : characters.graph(cast, CharacterPages.graphTexts(ui), "bible-graph", "#character-");
            UniversePages.Shown universe = UniversePages.shown(world, ui.locale(), pictures::url);
            return new Bible(story, header(project, story.details(), reference -> picture(organization, reference)), profiles, graph, universe);
        });
    }

    /** Every value that may name a picture: the characters' main images, poses and section fields, the universe's fields. */
    private static List<String> references(List<CharacterView> cast, UniverseView world) {
        List<String> values = new ArrayList<>();
        for (CharacterView c : cast) {
            values.add(c.imageUrl());
            values.addAll(c.imagePoses().values());
            c.sections().values().forEach(section -> values.addAll(section.values()));
        }
        world.sections().values().forEach(section -> values.addAll(section.values()));
        return values;
    }

    /**
     * The project's own genre and format, else the story's: a writer may have filled in only one of them. {@code picture}
     * turns the logos' references into what the reader's document shows (a URL on the page, embedded bytes in the PDF).
     */
    BiblePages.BibleHeader header(ProjectView project, StoryContent.Details story, Function<String, String> picture) {
        return jdbc.sql("select sub_genre, format, studio_name, studio_logo, color_palette::text as palette from projects where id = ?")
                .param(project.id().value())
                .query((rs, n) -> {
                    boolean ownGenre = project.genre() != null;
                    return new BiblePages.BibleHeader(picture.apply(project.logo()),
                            ownGenre ? project.genre() : story.genre(), ownGenre ? rs.getString("sub_genre") : story.subGenre(),
                            rs.getString("format") != null ? rs.getString("format") : story.format(), rs.getString("studio_name"),
                            picture.apply(rs.getString("studio_logo")), palette(rs.getString("palette")));
                })
                .single();
    }

    /**
     * A project picture: an uploaded one (a {@code /media/} reference of this organization) as a signed URL; a path of
     * this site as it is. Anything else is left out: the page's policy loads pictures from this site only.
     */
    private String picture(OrganizationId organization, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String url = images.url(organization, reference);
        if (url != null) {
            return url;
        }
        String value = reference.strip();
        return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/media/") ? value : null;
    }

    private List<String> palette(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<String> colours = json.readValue(stored, new TypeReference<List<String>>() {
        });
        return colours.stream().filter(java.util.Objects::nonNull).toList();
    }
}
