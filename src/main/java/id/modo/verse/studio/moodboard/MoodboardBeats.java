package id.modo.verse.studio.moodboard;

import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.CustomBeat;
import id.modo.verse.studio.story.StoryPageModels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The beats a project's moodboard is laid out on: the story's current structure with what is written for each beat and
 * its key actions, read from the story's row (same module) as the story page shows them.
 */
@Component
class MoodboardBeats {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MoodboardBeats(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A key action of a beat: the character's name (null when the character is gone) and what they do. */
    record KeyAction(int index, String character, String action) {

        String text() {
            return character == null ? action : character + ": " + action;
        }
    }

    /** A beat at its place ({@code index}) in the structure; custom beats have act 0. */
    record Beat(int index, String key, String title, int act, String text, List<KeyAction> keyActions) {
    }

    record Structure(String name, List<Beat> beats) {

        Optional<Beat> beat(String key) {
            return beats.stream().filter(b -> b.key().equals(key)).findFirst();
        }
    }

    Structure of(ProjectId project, Locale locale) {
        BeatSet set = jdbc.sql("""
                select structure, custom_beats::text as custom_beats, structure_beats::text as structure_beats,
                  beat_intensities::text as beat_intensities, key_actions::text as key_actions
                from stories where project_id = ?""")
                .param(project.value())
                .query((rs, n) -> new BeatSet(rs.getString("structure"),
                        json.readValue(rs.getString("custom_beats"), new TypeReference<List<CustomBeat>>() { }),
                        json.readValue(rs.getString("structure_beats"), new TypeReference<LinkedHashMap<String, String>>() { }),
                        json.readValue(rs.getString("beat_intensities"), new TypeReference<LinkedHashMap<String, Integer>>() { }),
                        json.readValue(rs.getString("key_actions"), new TypeReference<LinkedHashMap<String, Map<String, String>>>() { })))
                .optional()
                .orElse(new BeatSet("hero", List.of(), Map.of(), Map.of(), Map.of()));
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select id, name from characters where project_id = ?").param(project.value())
                .query((rs, n) -> names.put(rs.getObject("id", UUID.class).toString(), rs.getString("name"))).list();
        List<StoryPageModels.BeatCard> cards = StoryPageModels.cards(set, locale);
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            StoryPageModels.BeatCard card = cards.get(i);
            List<KeyAction> actions = new ArrayList<>();
            set.keyActions().getOrDefault(card.key(), Map.of()).forEach((character, action) -> {
                if (action != null && !action.isBlank()) {
                    actions.add(new KeyAction(actions.size(), names.get(character), action.strip()));
                }
            });
            beats.add(new Beat(i, card.key(), card.title(), card.act(), card.text(), actions));
        }
        return new Structure(StoryPageModels.structureName(set, locale), beats);
    }
}
