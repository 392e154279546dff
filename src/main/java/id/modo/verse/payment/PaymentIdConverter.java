package id.modo.verse.payment;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link PaymentId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class PaymentIdConverter extends PathIdConverter<PaymentId> {

    PaymentIdConverter() {
        super(PaymentId::of);
    }
}
