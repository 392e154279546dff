package id.modo.verse.credit;

import id.modo.verse.organization.OrganizationId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Organizations made in SQL (no owner needed for ledger tests) and the ledger's invariants, checked on the real rows. */
final class CreditFixtures {

    private final JdbcClient jdbc;

    CreditFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrganizationId organization() {
        String slug = "credit-" + UUID.randomUUID().toString().substring(0, 12);
        return OrganizationId.of(jdbc.sql("insert into organizations (name, slug) values (?, ?) returning id")
                .params("Credit " + slug, slug)
                .query(UUID.class)
                .single());
    }

    String user() {
        return jdbc.sql("insert into users (email, name) values (?, 'Credit user') returning id")
                .param("credit-" + UUID.randomUUID().toString().substring(0, 12) + "@example.id")
                .query(UUID.class)
                .single()
                .toString();
    }

    record Row(String type, String bucket, int amount, int balanceAfter) {
    }

    /** The organization's ledger in the order it was written. */
    List<Row> ledger(OrganizationId organization) {
        return jdbc.sql("select type, bucket, amount, balance_after from credit_transactions where organization_id = ? order by seq")
                .param(organization.value())
                .query((rs, n) -> new Row(rs.getString("type"), rs.getString("bucket"), rs.getInt("amount"), rs.getInt("balance_after")))
                .list();
    }

    /**
     * Each bucket's ledger sum equals its balance, every balance_after is the running total of
     * the rows before it and itself, and held credits are covered.
     */
    void assertLedgerMatches(OrganizationId organization) {
        record Buckets(int main, int bonus, int rollover, int held) {
        }
        Buckets buckets = jdbc.sql("select balance, bonus_balance, rollover_balance, held_balance from credit_balances where organization_id = ?")
                .param(organization.value())
                .query((rs, n) -> new Buckets(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
        List<Row> rows = ledger(organization);
        assertThat(sum(rows, "main")).as("main ledger sum").isEqualTo(buckets.main());
        assertThat(sum(rows, "bonus")).as("bonus ledger sum").isEqualTo(buckets.bonus());
        assertThat(sum(rows, "rollover")).as("rollover ledger sum").isEqualTo(buckets.rollover());
        int running = 0;
        for (int i = 0; i < rows.size(); i++) {
            running += rows.get(i).amount();
            assertThat(rows.get(i).balanceAfter()).as("balance_after of row %d %s", i, rows.get(i)).isEqualTo(running);
        }
        assertThat(buckets.held()).isBetween(0, buckets.main() + buckets.bonus() + buckets.rollover());
        int held = jdbc.sql("select coalesce(sum(amount), 0) from credit_reservations where organization_id = ? and status = 'held'")
                .param(organization.value())
                .query(Integer.class)
                .single();
        assertThat(buckets.held()).as("held equals the open reservations").isEqualTo(held);
    }

    private static int sum(List<Row> rows, String bucket) {
        return rows.stream().filter(row -> row.bucket().equals(bucket)).mapToInt(Row::amount).sum();
    }
}
