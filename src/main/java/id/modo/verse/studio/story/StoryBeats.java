package id.modo.verse.studio.story;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A project's beats as other Studio features show them (the moodboard grid, animatic captions, the bible): their place
 * in the structure, key, title in the reader's language and the text written for them. Reads as {@code actor}, so
 * someone who may not see the project gets its 404.
 */
@Component
public class StoryBeats {

    private final Stories stories;

    StoryBeats(Stories stories) {
        this.stories = stories;
    }

    /** One beat: {@code index} is its place in the structure (what {@code moodboards.beat_index} stores); text is "" when unwritten. */
    public record Beat(int index, String key, String title, String text) {
    }

    public List<Beat> of(UserId actor, ProjectId project, Locale locale) {
        StoryContent.BeatSet set = stories.get(actor, project).beats();
        List<StoryStructure.Beat> beats = Stories.beatsOf(set);
        List<Beat> result = new ArrayList<>(beats.size());
        for (int i = 0; i < beats.size(); i++) {
            StoryStructure.Beat beat = beats.get(i);
            String text = set.beats().get(beat.key());
            result.add(new Beat(i, beat.key(), beat.title(locale), text == null ? "" : text));
        }
        return result;
    }
}
