package id.modo.verse.studio.character;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.section.StudioImages;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A character's main and pose pictures. The upload streams to storage outside any database
 * transaction (a picture can take a while), then the character takes the new reference and the
 * picture it replaces is removed with its quota.
 */
@Component
class CharacterImages {

    private final ProjectAccess access;
    private final Characters characters;
    private final StudioImages images;

    CharacterImages(ProjectAccess access, Characters characters, StudioImages images) {
        this.access = access;
        this.characters = characters;
        this.images = images;
    }

    CharacterView upload(UserId actor, ProjectId project, UUID characterId, ImagePose pose, String originalName, InputStream content) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        String old = reference(characters.get(actor, project, characterId), pose);
        String reference = images.upload(actor, view, "character", originalName, content);
        CharacterView changed;
        try {
            changed = characters.changeImage(actor, project, characterId, pose, reference);
        } catch (RuntimeException e) {
            images.discard(actor, view.organizationId(), reference);
            throw e;
        }
        if (old != null) {
            images.discard(actor, view.organizationId(), old);
        }
        return changed;
    }

    CharacterView remove(UserId actor, ProjectId project, UUID characterId, ImagePose pose) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        String old = reference(characters.get(actor, project, characterId), pose);
        CharacterView changed = characters.changeImage(actor, project, characterId, pose, null);
        if (old != null) {
            images.discard(actor, view.organizationId(), old);
        }
        return changed;
    }

    private static String reference(CharacterView character, ImagePose pose) {
        return pose == null ? character.imageUrl() : character.imagePoses().get(pose.key());
    }
}
