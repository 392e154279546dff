package id.modo.verse.payment;

import java.math.BigDecimal;

/** What the sandbox checkout page shows; public records because the precompiled templates read them. */
public final class SandboxPageModels {

    private SandboxPageModels() {
    }

    /** {@code open} is false once the payment was paid or failed, when the page only links back. */
    public record SandboxCheckout(String paymentId, String description, BigDecimal amount, String currency, String status,
            boolean open, boolean canRemember, String returnPath) {
    }
}
