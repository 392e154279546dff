package id.modo.verse.invest;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link TierId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class TierIdConverter extends PathIdConverter<TierId> {

    TierIdConverter() {
        super(TierId::of);
    }
}
