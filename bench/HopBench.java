import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What a round trip under the row lock costs (CreditBench runs it with HOPS=1): 16 JDBC clients on the app's pool
 * run pgbench's UPDATE on the hot twin row on autocommit, then as UPDATE + COMMIT in a transaction, then with one
 * more statement (SELECT 1) before the COMMIT. The lock lasts the statement and its commit in the first, one and two
 * more round trips to the client in the others.
 */
public class HopBench {

    static final String UPDATE = "UPDATE credit_balances SET balance = balance - 1, updated_at = now() "
            + "WHERE organization_id = md5('bench-pg-101')::uuid AND balance + bonus_balance + rollover_balance - held_balance >= 1";

    static void runAll(DataSource dataSource, int seconds) throws InterruptedException {
        run(dataSource, seconds, "autocommit UPDATE", false, false);
        run(dataSource, seconds, "UPDATE; COMMIT", true, false);
        run(dataSource, seconds, "UPDATE; SELECT 1; COMMIT", true, true);
    }

    static void run(DataSource dataSource, int seconds, String label, boolean transaction, boolean extraStatement)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CreditBench.CALLERS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement update = connection.prepareStatement(UPDATE);
                        PreparedStatement select = connection.prepareStatement("select 1")) {
                    connection.setAutoCommit(!transaction);
                    while (!stop.get()) {
                        update.executeUpdate();
                        if (extraStatement) {
                            select.executeQuery().close();
                        }
                        if (transaction) {
                            connection.commit();
                        }
                        done.incrementAndGet();
                    }
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("JDBC, %d clients on the hot row, %s: %.0f/s%n", CreditBench.CALLERS, label,
                done.get() / ((System.nanoTime() - began) / 1e9));
    }
}
