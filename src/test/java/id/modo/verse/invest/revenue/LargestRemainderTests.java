package id.modo.verse.invest.revenue;

import id.modo.verse.invest.revenue.LargestRemainder.Claim;
import id.modo.verse.invest.revenue.LargestRemainder.Part;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The largest-remainder split, checked over random pools and weights from fixed seeds (so a failure replays). */
class LargestRemainderTests {

    private static final int RUNS = 2_000;

    @Test
    void partsSumToThePoolAndStayWithinOneUnitOfTheExactShare() {
        for (long seed = 1; seed <= RUNS; seed++) {
            Random random = new Random(seed);
            long pool = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10); // fewer units than claims, often
                case 1 -> random.nextLong(1_000_000);
                case 2 -> random.nextLong(100_000_000_000_000L); // a large IDR pool in cents
                default -> Long.MAX_VALUE / 2;
            };
            List<Claim> claims = claims(random, 1 + random.nextInt(random.nextBoolean() ? 5 : 400));
            List<Part> parts = LargestRemainder.split(pool, claims);

            assertThat(parts).hasSize(claims.size());
            assertThat(parts.stream().mapToLong(Part::units).sum()).as("seed %d", seed).isEqualTo(pool);
            BigInteger total = claims.stream().map(Claim::weight).reduce(BigInteger.ZERO, BigInteger::add);
            for (Part part : parts) {
                assertThat(part.units()).isNotNegative();
                BigDecimal exact = new BigDecimal(BigInteger.valueOf(pool).multiply(part.weight()))
                        .divide(new BigDecimal(total), MathContext.DECIMAL128);
                assertThat(BigDecimal.valueOf(part.units()).subtract(exact).abs()).as("seed %d, part %s", seed, part)
                        .isLessThan(BigDecimal.ONE);
            }
        }
    }

    @Test
    void theOrderOfTheClaimsChangesNothing() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            long pool = random.nextLong(10_000_000);
            List<Claim> claims = claims(random, 2 + random.nextInt(50));
            List<Claim> shuffled = new ArrayList<>(claims);
            Collections.shuffle(shuffled, random);
            assertThat(byId(LargestRemainder.split(pool, shuffled))).as("seed %d", seed)
                    .isEqualTo(byId(LargestRemainder.split(pool, claims)));
        }
    }

    @Test
    void equalRemaindersGoToTheSmallerIdInPostgresUuidOrder() {
        // Java's UUID.compareTo is signed and would put 8000… before 0000…; PostgreSQL (and we) put 0000… first.
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000001");
        UUID middle = UUID.fromString("40000000-0000-0000-0000-000000000003");
        List<Part> parts = LargestRemainder.split(2, List.of(new Claim(high, BigInteger.ONE), new Claim(middle, BigInteger.ONE),
                new Claim(low, BigInteger.ONE)));
        assertThat(parts).extracting(Part::units).containsExactly(0L, 1L, 1L);
    }

    @Test
    void theLargestRemainderWinsBeforeTheId() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID b = UUID.fromString("00000000-0000-0000-0000-000000000002");
        // 10 units by 1:2 → 3.33 and 6.67: the one unit left goes to b.
        assertThat(LargestRemainder.split(10, List.of(new Claim(a, BigInteger.ONE), new Claim(b, BigInteger.TWO))))
                .extracting(Part::units).containsExactly(3L, 7L);
    }

    @Test
    void zeroWeightsGetNothingAndAllZeroIsRefused() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(LargestRemainder.split(99, List.of(new Claim(a, BigInteger.ZERO), new Claim(b, BigInteger.TEN))))
                .extracting(Part::units).containsExactly(0L, 99L);
        assertThatThrownBy(() -> LargestRemainder.split(5, List.of(new Claim(a, BigInteger.ZERO))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Claim> claims(Random random, int n) {
        List<Claim> claims = new ArrayList<>(n);
        boolean ties = random.nextInt(3) == 0;
        for (int i = 0; i < n; i++) {
            long weight = ties ? 1 + random.nextInt(3) : random.nextLong(1, 5_000_000_000_000L);
            if (random.nextInt(20) == 0) {
                weight = 0;
            }
            claims.add(new Claim(new UUID(random.nextLong(), random.nextLong()), BigInteger.valueOf(weight)));
        }
        if (claims.stream().allMatch(c -> c.weight().signum() == 0)) {
            claims.set(0, new Claim(claims.getFirst().id(), BigInteger.ONE));
        }
        return claims;
    }

    private static java.util.Map<UUID, Long> byId(List<Part> parts) {
        java.util.Map<UUID, Long> map = new java.util.HashMap<>();
        parts.forEach(p -> map.put(p.id(), p.units()));
        return map;
    }
}
