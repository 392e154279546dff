package id.modo.verse.invest.revenue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Divides a pool of integer minor units among weighted claims by the largest-remainder method: each claim gets the
 * floor of its exact share, and the units the floors leave over go one each to the claims with the largest
 * remainders, ties to the smaller id (in PostgreSQL's uuid order, so SQL and Java agree). The parts sum to the pool
 * exactly and none differs from its exact share by a whole unit. Integer arithmetic throughout: no rounding anywhere.
 */
final class LargestRemainder {

    /** One claim on the pool; {@code weight} is a non-negative integer. */
    record Claim(UUID id, BigInteger weight) {
        Claim {
            Objects.requireNonNull(id, "id");
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("A weight is never negative: " + weight);
            }
        }
    }

    /** A claim's part of the pool, in minor units. */
    record Part(UUID id, BigInteger weight, long units) {
    }

    private LargestRemainder() {
    }

    /** The parts, in the order of {@code claims}. The weights must not all be zero. */
    static List<Part> split(long pool, List<Claim> claims) {
        if (pool < 0) {
            throw new IllegalArgumentException("A pool is never negative: " + pool);
        }
        BigInteger total = claims.stream().map(Claim::weight).reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            throw new IllegalArgumentException("No claim has a weight");
        }
        BigInteger units = BigInteger.valueOf(pool);
        long[] floors = new long[claims.size()];
        BigInteger[] remainders = new BigInteger[claims.size()];
        long given = 0;
        for (int i = 0; i < claims.size(); i++) {
            BigInteger[] qr = units.multiply(claims.get(i).weight()).divideAndRemainder(total);
            floors[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += floors[i];
        }
        // Fewer left over than there are claims with a remainder: each floor misses less than one unit.
        long leftOver = pool - given;
        List<Integer> order = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> claims.get(i).id(), LargestRemainder::pgUuidOrder));
        for (int k = 0; k < leftOver; k++) {
            floors[order.get(k)]++;
        }
        List<Part> parts = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            parts.add(new Part(claims.get(i).id(), claims.get(i).weight(), floors[i]));
        }
        return parts;
    }

    /** PostgreSQL compares uuids as unsigned bytes, which is the order of their lower-case hex text. */
    static int pgUuidOrder(UUID a, UUID b) {
        return a.toString().compareTo(b.toString());
    }
}
