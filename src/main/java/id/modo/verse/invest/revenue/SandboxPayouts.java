package id.modo.verse.invest.revenue;

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
}
