package id.modo.verse.studio.universe;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.section.StudioImages;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pictures of a universe's sections: the upload streams to storage outside any transaction, then
 * the section saves with the new reference as a version. A replaced picture is kept, because an
 * older version of the section still shows it and may be restored.
 */
@Component
class UniverseImages {

    private final ProjectAccess access;
    private final Universes universes;
    private final StudioImages images;

    UniverseImages(ProjectAccess access, Universes universes, StudioImages images) {
        this.access = access;
        this.universes = universes;
        this.images = images;
    }

    UniverseView upload(UserId actor, ProjectId project, String sectionKey, String field, int baseVersion, String originalName,
            InputStream content) {
        ProjectView view = access.edit(actor, project, Section.UNIVERSE);
        UniverseSection section = imageField(sectionKey, field);
        String reference = images.upload(actor, view, "universe", originalName, content);
        try {
            return universes.changeImage(actor, project, section, field, reference, baseVersion);
        } catch (RuntimeException e) {
            images.discard(actor, view.organizationId(), reference);
            throw e;
        }
    }

    static UniverseSection imageField(String sectionKey, String field) {
        UniverseSection section = UniverseSection.byKey(sectionKey).orElse(null);
        boolean image = section != null && section.field(field).map(f -> f.kind() == SectionField.Kind.IMAGE).orElse(false);
        if (!image) {
            throw new ProblemException(ProblemType.VALIDATION, "There is no such picture in a universe.",
                    Map.of("errors", List.of(new FieldError("field", "must name a picture field of a universe section"))));
        }
        return section;
    }
}
