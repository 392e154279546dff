package id.modo.verse.payment;

import id.modo.verse.common.ModoProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The gateways this node can use, by name, and the one new payments go through. */
@Component
class PaymentGateways {

    private final Map<String, PaymentGateway> byName = new LinkedHashMap<>();
    private final PaymentGateway defaultGateway;

    PaymentGateways(List<PaymentGateway> gateways, PaymentProperties properties, ModoProperties modo) {
        boolean production = modo.env() == ModoProperties.Environment.PRODUCTION;
        // In production the sandbox does not exist at all: its page and webhook answer 404.
        gateways.stream().filter(gateway -> !(production && gateway.testMode())).forEach(gateway -> byName.put(gateway.name(), gateway));
        String wanted = properties.resolvedDefaultGateway();
        if (production && PaymentProperties.SANDBOX.equals(wanted)) {
            throw new IllegalStateException("The sandbox payment gateway takes test payments only and does not run with "
                    + "MODO_ENV=production: set MODO_PAYMENTS_DEFAULT_GATEWAY to stripe, midtrans or xendit and that provider's keys.");
        }
        defaultGateway = byName.get(wanted);
        if (defaultGateway == null) {
            throw new IllegalStateException("MODO_PAYMENTS_DEFAULT_GATEWAY is " + wanted + " but that gateway has no keys configured "
                    + "(see README, Configuration, Payments).");
        }
    }

    PaymentGateway defaultGateway() {
        return defaultGateway;
    }

    Optional<PaymentGateway> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    PaymentGateway require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("Payment gateway " + name + " is not configured on this node"));
    }
}
