package id.modo.verse.watch;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link ContentId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class ContentIdConverter extends PathIdConverter<ContentId> {

    ContentIdConverter() {
        super(ContentId::of);
    }
}
