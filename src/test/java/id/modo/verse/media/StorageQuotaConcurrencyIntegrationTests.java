package id.modo.verse.media;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * storage_used_bytes under many parallel uploads and deletes on the real database: never over the
 * limit, and afterwards exactly the bytes of the files that exist.
 */
@IntegrationTest
class StorageQuotaConcurrencyIntegrationTests {

    private static final int SIZE = 10_000;
    private static final int LIMIT_FILES = 20;
    private static final int EXISTING = 10;
    private static final int UPLOADS = 40;

    @Autowired
    Assets assets;
    @Autowired
    JdbcClient jdbc;

    @Test
    void parallelUploadsAndDeletesLeaveTheExactTotalAndNeverPassTheLimit() throws Exception {
        UserId owner = UserId.of(MediaFixtures.user(jdbc, "quota"));
        OrganizationId org = OrganizationId.of(MediaFixtures.organization(jdbc, owner.value(), "owner", (long) SIZE * LIMIT_FILES));
        List<AssetId> existing = new ArrayList<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(assets.upload(owner, org, null, null, "old" + i + ".txt", text(i)).id());
        }
        assertThat(used(org)).isEqualTo((long) SIZE * EXISTING);

        List<Callable<Void>> work = new ArrayList<>();
        AtomicInteger uploaded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong maxSeen = new AtomicLong();
        for (AssetId id : existing) {
            work.add(() -> {
                assets.delete(owner, id);
                maxSeen.accumulateAndGet(used(org), Math::max);
                return null;
            });
        }
        for (int i = 0; i < UPLOADS; i++) {
            int n = i;
            work.add(() -> {
                try {
                    assets.upload(owner, org, null, null, "new" + n + ".txt", text(100 + n));
                    uploaded.incrementAndGet();
                } catch (ProblemException e) {
                    assertThat(e.type()).isEqualTo(MediaProblems.QUOTA_EXCEEDED);
                    refused.incrementAndGet();
                }
                maxSeen.accumulateAndGet(used(org), Math::max);
                return null;
            });
        }
        Collections.shuffle(work, new Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> result : pool.invokeAll(work)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        long rows = jdbc.sql("select count(*) from assets where organization_id = ?").param(org.value()).query(Long.class).single();
        long bytes = jdbc.sql("select coalesce(sum(size_bytes), 0) from assets where organization_id = ?").param(org.value())
                .query(Long.class).single();
        assertThat(uploaded.get() + refused.get()).isEqualTo(UPLOADS);
        assertThat(rows).isEqualTo(uploaded.get());
        assertThat(used(org)).isEqualTo(bytes).isEqualTo((long) SIZE * uploaded.get());
        assertThat(maxSeen.get()).isLessThanOrEqualTo((long) SIZE * LIMIT_FILES);
        // The deletes freed room for at least the first ten; the limit caps the rest.
        assertThat(uploaded.get()).isBetween(LIMIT_FILES - EXISTING, LIMIT_FILES);
    }

    private long used(OrganizationId org) {
        return jdbc.sql("select storage_used_bytes from organizations where id = ?").param(org.value()).query(Long.class).single();
    }

    private static ByteArrayInputStream text(int seed) {
        byte[] bytes = new byte[SIZE];
        Random random = new Random(seed);
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(26));
        }
        return new ByteArrayInputStream(bytes);
    }
}
