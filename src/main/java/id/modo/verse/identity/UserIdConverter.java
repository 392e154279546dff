package id.modo.verse.identity;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link UserId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class UserIdConverter extends PathIdConverter<UserId> {

    UserIdConverter() {
        super(UserId::of);
    }
}
