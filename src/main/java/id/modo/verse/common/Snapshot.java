package id.modo.verse.common;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs several reads on one snapshot of the database (a read-only REPEATABLE READ transaction), for pages whose rows
 * must agree, such as a text and the version number its next save carries. At PostgreSQL's default READ COMMITTED
 * every statement sees the latest commits, so a write landing between two reads shows in the second only.
 * <p>
 * The level is set by {@code SET TRANSACTION} as the transaction's first statement, which the driver sends together
 * with its {@code BEGIN}: one round trip, where {@code @Transactional(isolation = …)} takes three (read, set and reset
 * the session's level), which paired runs of the story tab showed in its throughput (bench/README.md). Inside a
 * transaction already under way the reads simply join it, at its level.
 */
@Component
public class Snapshot {

    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;

    Snapshot(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    public <T> T read(Supplier<T> reads) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return reads.get();
        }
        return readOnly.execute(status -> {
            jdbc.sql("set transaction isolation level repeatable read").update();
            return reads.get();
        });
    }
}
