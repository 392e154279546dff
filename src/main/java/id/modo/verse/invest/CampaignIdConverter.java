package id.modo.verse.invest;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link CampaignId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class CampaignIdConverter extends PathIdConverter<CampaignId> {

    CampaignIdConverter() {
        super(CampaignId::of);
    }
}
