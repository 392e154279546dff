package id.modo.verse.organization;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link OrganizationId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class OrganizationIdConverter extends PathIdConverter<OrganizationId> {

    OrganizationIdConverter() {
        super(OrganizationId::of);
    }
}
