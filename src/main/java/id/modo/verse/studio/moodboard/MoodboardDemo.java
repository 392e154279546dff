package id.modo.verse.studio.moodboard;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.section.StudioImages;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Si Kancil's moodboard for the demo: a picture for every beat the story has text for, drawn at seed time
 * ({@link MoodboardPictures}, a fraction of a second each) in the project's palette and stored through the media module,
 * so a new user sees a finished board, and the animatic and bible have pictures, without any AI provider.
 */
@Service
class MoodboardDemo implements DemoSeeder {

    /** River brown, jungle green, rambutan red: the fable's colours when the project names none. */
    private static final List<String> FALLBACK = List.of("#7fb7d9", "#3f7d3a", "#8a6a3d", "#b98b55", "#c8323c");
    private static final Map<String, String[]> MOODS = Map.of(
            "opening_image", new String[] {"deep blues, warm fruit red", "moonlight"},
            "catalyst", new String[] {"dusty ochre, bleached sky", "harsh noon sun"},
            "break_into_two", new String[] {"peach dawn, river brown", "low dawn light"},
            "midpoint", new String[] {"bright greens and blues", "clear midday"},
            "all_is_lost", new String[] {"storm greys, blood red", "storm light"},
            "finale", new String[] {"sunset orange and violet", "golden hour"});

    private final Moodboards moodboards;
    private final MoodboardBeats beats;
    private final ProjectAccess access;
    private final StudioImages images;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    MoodboardDemo(Moodboards moodboards, MoodboardBeats beats, ProjectAccess access, StudioImages images, JdbcClient jdbc, JsonMapper json) {
        this.moodboards = moodboards;
        this.beats = beats;
        this.access = access;
        this.images = images;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public int order() {
        return CONTENT + 10;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(DemoContext.Person.KANCIL_OWNER));
        jdbc.sql("select id from projects where organization_id = ? and slug = 'si-kancil' and deleted_at is null")
                .param(demo.tenant(DemoContext.Tenant.KANCIL)).query(UUID.class).optional()
                .ifPresent(project -> seed(owner, ProjectId.of(project)));
    }

    /** A completed, cartoon-style item with its drawn picture for each beat of the project that has text. */
    void seed(UserId owner, ProjectId project) {
        ProjectView view = access.read(owner, project);
        MoodboardPictures.Palette palette = palette(project);
        for (MoodboardBeats.Beat beat : beats.of(project, Locale.ENGLISH).beats()) {
            if (beat.text() == null) {
                continue;
            }
            byte[] png = MoodboardPictures.png(beat.key(), beat.title(), beat.text(), palette);
            String picture = images.upload(owner, view, "moodboard", "moodboard-" + beat.key() + ".png", new ByteArrayInputStream(png));
            String[] mood = MOODS.getOrDefault(beat.key(), new String[] {"jungle greens", "soft daylight"});
            moodboards.create(owner, project, beat.key(), null, new MoodboardChanges(beat.text(),
                    "Cartoon picture of a mouse-deer fable: " + beat.text() + " Colours: " + mood[0] + ". Light: " + mood[1] + ".",
                    picture, "cartoon", mood[0], mood[1], List.of(), null, MoodboardItem.COMPLETED));
        }
    }

    private MoodboardPictures.Palette palette(ProjectId project) {
        List<String> colours = json.readValue(jdbc.sql("select color_palette::text from projects where id = ?").param(project.value())
                .query(String.class).single(), new TypeReference<List<String>>() { });
        List<Color> parsed = new ArrayList<>();
        for (String colour : colours.size() >= FALLBACK.size() ? colours : FALLBACK) {
            try {
                parsed.add(Color.decode(colour));
            } catch (NumberFormatException e) {
                parsed.add(Color.decode(FALLBACK.get(parsed.size() % FALLBACK.size())));
            }
        }
        return new MoodboardPictures.Palette(parsed.get(0), parsed.get(1), parsed.get(2), parsed.get(3), parsed.get(4));
    }
}
