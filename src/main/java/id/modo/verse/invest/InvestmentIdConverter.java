package id.modo.verse.invest;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link InvestmentId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class InvestmentIdConverter extends PathIdConverter<InvestmentId> {

    InvestmentIdConverter() {
        super(InvestmentId::of);
    }
}
