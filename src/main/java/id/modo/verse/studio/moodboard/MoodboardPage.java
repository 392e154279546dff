package id.modo.verse.studio.moodboard;

import id.modo.verse.ai.AiFieldButton;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;

/**
 * What the moodboard page shows: the story's acts, each beat with its items as cards, the pictures of the project's media
 * library to pick from, and the AI offers with their price. A card refused by a save carries what was typed and why.
 */
public record MoodboardPage(ProjectView project, WorkspaceTabs tabs, boolean editable, String structure, List<Act> acts,
        List<Card> unplaced, List<LibraryPicture> library, AiFieldButton promptButton, AiFieldButton imageButton, String notice,
        String error, Map<java.util.UUID, java.util.UUID> promptProposals) {

    /** Where the item's written prompt waits to be reviewed (its diff, Accept, Discard), or null when none waits. */
    public String promptReview(java.util.UUID item) {
        java.util.UUID proposal = promptProposals.get(item);
        return proposal == null ? null : "/projects/" + project.id() + "/ai/proposals/" + proposal;
    }

    /** An act of the structure (0: the beats of a custom structure, which have none). */
    public record Act(int number, List<BeatRow> beats) {
    }

    public record BeatRow(String key, String title, String text, List<String> keyActions, List<Card> items) {

        public boolean splittable() {
            return !keyActions.isEmpty();
        }
    }

    /**
     * An item's card: its picture's thumbnail, the key action it shows (null for the beat itself), whether it can move up
     * or down among its beat's items, and the edit form's values and errors (the stored values unless a save was refused).
     */
    public record Card(MoodboardItem item, String thumbnailUrl, String keyAction, boolean first, boolean last, Map<String, String> values,
            Map<String, String> errors, boolean open) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record LibraryPicture(String reference, String thumbnailUrl, String name) {
    }
}
