package id.modo.verse.organization;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take an {@link InvitationId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class InvitationIdConverter extends PathIdConverter<InvitationId> {

    InvitationIdConverter() {
        super(InvitationId::of);
    }
}
