package id.modo.verse.studio;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.character.CharacterChanges;
import id.modo.verse.studio.character.CharacterSection;
import id.modo.verse.studio.character.Characters;
import id.modo.verse.studio.character.RelationshipType;
import id.modo.verse.studio.project.CollaboratorRole;
import id.modo.verse.studio.project.Collaborators;
import id.modo.verse.studio.project.Projects;
import id.modo.verse.studio.project.Visibility;
import id.modo.verse.studio.script.Scripts;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.Details;
import id.modo.verse.studio.story.StoryContent.Need;
import id.modo.verse.studio.story.StoryContent.Want;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import id.modo.verse.studio.story.Stories;
import id.modo.verse.studio.universe.UniverseChanges;
import id.modo.verse.studio.universe.UniverseSection;
import id.modo.verse.studio.universe.Universes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo IP bible for the demo data: "Si Kancil", the mouse-deer who outwits the crocodiles, written on Save the Cat
 * with two versions of its beats (so the Versions tab has a diff), a want/need matrix, three related characters, a
 * universe, a short screenplay, public (so the bible page can be opened signed out), and the editor as its story
 * supervisor. Made through the same services as the pages, so it is audited and versioned like a user's work.
 */
@Service
public class StudioDemo implements DemoSeeder {

    private final Projects projects;
    private final Collaborators collaborators;
    private final Stories stories;
    private final Characters characters;
    private final Universes universes;
    private final Scripts scripts;

    StudioDemo(Projects projects, Collaborators collaborators, Stories stories, Characters characters, Universes universes,
            Scripts scripts) {
        this.projects = projects;
        this.collaborators = collaborators;
        this.stories = stories;
        this.characters = characters;
        this.universes = universes;
        this.scripts = scripts;
    }

    @Override
    public int order() {
        return CONTENT;
    }

    /** Studio Kancil Animasi's project, made by its owner, with its editor as story supervisor. */
    @Override
    public void seed(DemoContext demo) {
        seed(UserId.of(demo.person(Person.KANCIL_OWNER)), OrganizationId.of(demo.tenant(Tenant.KANCIL)),
                UserId.of(demo.person(Person.KANCIL_EDITOR)));
    }

    /** Seeds the project in {@code organization}, created by {@code owner}; {@code storySupervisor} may edit its story only. */
    @Transactional
    public ProjectId seed(UserId owner, OrganizationId organization, UserId storySupervisor) {
        ProjectId project = ProjectId.of(projects.create(owner, organization, "Si Kancil", "si-kancil", Visibility.PUBLIC).id());
        collaborators.add(owner, project, storySupervisor, CollaboratorRole.STORY_SUPERVISOR, null, List.of(Section.STORY));

        stories.saveDetails(owner, project, new Details("A mouse-deer too small to fight must cross a river ruled by crocodiles.",
                "The smallest animal in the forest tricks the river's crocodiles into becoming his bridge.",
                "When the dry season empties his side of the river, Kancil talks the crocodiles into lining up to be counted, "
                        + "and skips across their backs to the fruit on the far bank.",
                null, "12 minutes", "short_movie", null, null, "Fable", "Comedy", "Playful", "light", "Wit and trust", null,
                "Cleverness is worth most when it helps others", "Folk tales of the Malay archipelago", null, null, null,
                "Children 5-10 and their families", "Indonesia and Malaysia", "G"), 0);

        Map<String, String> beats = new LinkedHashMap<>();
        beats.put("opening_image", "Kancil naps under a rambutan tree by the river while the forest sleeps.");
        beats.put("catalyst", "The long dry season comes; the fruit on Kancil's side of the river is gone.");
        beats.put("break_into_two", "Kancil decides to cross the river, where the crocodiles rule.");
        beats.put("midpoint", "Kancil tells the crocodiles the king wants them counted, and they line up across the river.");
        beats.put("all_is_lost", "Halfway across, old Buaya Tua sees through the trick.");
        beats.put("finale", "Kancil leaps the last backs and lands laughing on the far bank.");
        Map<String, Integer> intensity = Map.of("opening_image", 1, "catalyst", 2, "break_into_two", 2, "midpoint", 2,
                "all_is_lost", 3, "finale", 3);
        stories.saveBeats(owner, project, new BeatSet("cat", List.of(), beats, intensity, Map.of()), 0);
        beats.put("opening_image", "Kancil dreams of ripe rambutan under a tree by the river while the forest sleeps.");
        stories.saveBeats(owner, project, new BeatSet("cat", List.of(), beats, intensity, Map.of()), 1);
        stories.saveWantNeed(owner, project, new WantNeed(
                new Want("The rambutan on the far bank", "Kancil knows it", "Cross the river before the fruit falls", true),
                new Need("To be trusted, not only clever", "Kancil does not see it yet", "Wit without friends is lonely", false),
                null), 0);

        UUID kancil = characters.create(owner, project, new CharacterChanges("Kancil", "protagonist", "trickster", null,
                Map.of(CharacterSection.PHYSIOLOGICAL, Map.of("age", "young", "body_type", "small and quick")),
                "From a trickster who wins alone to a friend others can trust", null, null)).id();
        UUID buaya = characters.create(owner, project, new CharacterChanges("Buaya Tua", "antagonist", "shadow", null,
                Map.of(CharacterSection.PHYSIOLOGICAL, Map.of("age", "old", "body_type", "huge, scarred")), null, null, null)).id();
        UUID pelanduk = characters.create(owner, project, new CharacterChanges("Pelanduk Kecil", "supporting", "ally", null,
                Map.of(), null, null, null)).id();
        characters.relate(owner, project, kancil, buaya, RelationshipType.ENEMY, "Kancil fools him to cross the river");
        characters.relate(owner, project, pelanduk, kancil, RelationshipType.FAMILY, "Kancil's little cousin");

        universes.update(owner, project, new UniverseChanges("Hutan Sungai", "A rainforest split by a wide brown river",
                Map.of(UniverseSection.ENVIRONMENT, Map.of("landscape", "Rainforest on both banks of a slow river",
                        "climate", "A wet season and a long dry one")),
                Map.of("details", 0, "environment", 0)));

        scripts.save(owner, project, """
                Title: Si Kancil
                Author: Studio Kancil Animasi

                EXT. RIVERBANK - DAY

                A small mouse-deer, KANCIL, stretches under a bare rambutan tree.

                KANCIL
                (to himself)
                All the fruit is on the other side.

                BUAYA TUA (O.S.)
                Then stay on yours.

                CUT TO:
                """, 0);
        return project;
    }
}
