package id.modo.verse.invest.revenue;

import java.util.Optional;

/** Pays at once, without moving real money: the default until a provider is configured. */
final class SandboxPayouts implements PayoutAdapter {

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Outcome send(Order order) {
        return new Paid("sandbox-" + order.idempotencyKey());
    }

    /** The sandbox never leaves a payout under way, so it only knows the ones it paid. */
    @Override
    public Optional<Outcome> status(String reference) {
        return reference.startsWith("sandbox-") ? Optional.of(new Paid(reference)) : Optional.empty();
    }
}
