package id.modo.verse.invest;

import java.util.UUID;

/** The identity of an investment, as clients see it. */
public record InvestmentId(UUID value) {

    public InvestmentId {
        if (value == null) {
            throw new IllegalArgumentException("An investment id is required");
        }
    }

    public static InvestmentId of(UUID value) {
        return new InvestmentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
