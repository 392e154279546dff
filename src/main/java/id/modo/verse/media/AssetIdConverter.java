package id.modo.verse.media;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link AssetId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class AssetIdConverter extends PathIdConverter<AssetId> {

    AssetIdConverter() {
        super(AssetId::of);
    }
}
