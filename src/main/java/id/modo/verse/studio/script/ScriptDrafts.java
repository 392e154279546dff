package id.modo.verse.studio.script;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.story.StoryDrafts.Draft;
import org.springframework.stereotype.Component;

/** The screenplay as AI flows read it, and what a generated scene would make of it: the script with the scene at its end. */
@Component
public class ScriptDrafts {

    /** How much of the script's end a prompt carries as the previous scene. */
    static final int PREVIOUS_SCENE_CHARS = 3_000;

    private final Scripts scripts;

    ScriptDrafts(Scripts scripts) {
        this.scripts = scripts;
    }

    /** The end of the current script, for the next scene to follow on from; empty before the first scene. */
    public String ending(UserId actor, ProjectId project) {
        String script = scripts.get(actor, project).script();
        return script.length() <= PREVIOUS_SCENE_CHARS ? script : script.substring(script.length() - PREVIOUS_SCENE_CHARS);
    }

    /** The current script with {@code scene} appended after a blank line. */
    public Draft withScene(UserId actor, ProjectId project, String scene) {
        Scripts.ScriptView current = scripts.get(actor, project);
        String script = current.script().isBlank() ? scene : current.script().stripTrailing() + "\n\n" + scene;
        return new Draft(Scripts.ENTITY_TYPE, current.storyId(), Scripts.SECTION, script);
    }
}
