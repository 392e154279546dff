package id.modo.verse.studio;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link ProjectId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class ProjectIdConverter extends PathIdConverter<ProjectId> {

    ProjectIdConverter() {
        super(ProjectId::of);
    }
}
