package id.modo.verse.credit;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link ReservationId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class ReservationIdConverter extends PathIdConverter<ReservationId> {

    ReservationIdConverter() {
        super(ReservationId::of);
    }
}
