package id.modo.verse.studio.ai;

import id.modo.verse.ai.GenerationType;
import id.modo.verse.studio.Section;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What Studio's AI can write for a project, the gateway's generation type each one asks for, and the section it changes. */
public enum AiFlow {
    PREMISE(GenerationType.PREMISE, Section.STORY),
    LOGLINE(GenerationType.LOGLINE, Section.STORY),
    SYNOPSIS(GenerationType.SYNOPSIS, Section.STORY),
    BEATS(GenerationType.STORY_STRUCTURE, Section.STORY),
    KEY_ACTIONS(GenerationType.KEY_ACTIONS, Section.STORY),
    WANT_NEED(GenerationType.WANT_NEED, Section.STORY),
    SCRIPT_SCENE(GenerationType.SCRIPT_SCENE, Section.STORY),
    CHARACTER_PROFILE(GenerationType.CHARACTER_PROFILE, Section.CHARACTERS),
    UNIVERSE(GenerationType.UNIVERSE, Section.UNIVERSE);

    private final GenerationType type;
    private final Section section;

    AiFlow(GenerationType type, Section section) {
        this.type = type;
        this.section = section;
    }

    public GenerationType type() {
        return type;
    }

    public Section section() {
        return section;
    }

    /** Its name in the API's path: {@code key_actions}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AiFlow> fromKey(String key) {
        return Arrays.stream(values()).filter(flow -> flow.key().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(AiFlow::key).toList();
    }
}
