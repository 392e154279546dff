package id.modo.verse.credit;

import static id.modo.verse.credit.CreditLedger.invalid;
import static id.modo.verse.credit.CreditLedger.utc;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.organization.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organization's credit statement: the rows {@link CreditLedger} and {@link CreditReservations} wrote, newest first. */
@Service
public class CreditStatement {

    private final JdbcClient jdbc;

    CreditStatement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One ledger row; {@code amount} is signed, {@code balanceAfter} the organization's total after it. */
    public record Transaction(UUID id, Instant createdAt, UUID userId, String type, String bucket, int amount, int balanceAfter,
            String description, String referenceType, String referenceId) {
    }

    /** Which ledger rows to list; every part optional, {@code from} inclusive, {@code to} exclusive. */
    public record Filter(CreditTransactionType type, CreditBucket bucket, Instant from, Instant to) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public Page<Transaction> transactions(OrganizationId organization, Filter filter, String cursor, Integer limit) {
        int size = Keyset.limit(limit, "Some fields are not valid.");
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw invalid("to", "must be later than from");
        }
        KeysetCursor after = Keyset.after(cursor);
        List<String> conditions = new ArrayList<>(List.of("organization_id = :org"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", organization.value());
        if (filter.type() != null) {
            conditions.add("type = :type");
            params.put("type", filter.type().dbValue());
        }
        if (filter.bucket() != null) {
            conditions.add("bucket = :bucket");
            params.put("bucket", filter.bucket().dbValue());
        }
        if (filter.from() != null) {
            conditions.add("created_at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("created_at < :to");
            params.put("to", utc(filter.to()));
        }
        if (after != null) {
            conditions.add("(created_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", utc(after.createdAt()));
            params.put("afterId", after.id());
        }
        params.put("fetch", Keyset.fetch(size));
        List<Transaction> rows = jdbc.sql("""
                select id, created_at, user_id, type, bucket, amount, balance_after, description, reference_type, reference_id
                from credit_transactions where %s
                order by created_at desc, id desc
                limit :fetch""".formatted(String.join(" and ", conditions)))
                .params(params)
                .query((rs, n) -> new Transaction(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("user_id", UUID.class), rs.getString("type"), rs.getString("bucket"), rs.getInt("amount"),
                        rs.getInt("balance_after"), rs.getString("description"), rs.getString("reference_type"),
                        rs.getString("reference_id")))
                .list();
        return Keyset.page(rows, size, transaction -> new KeysetCursor(transaction.createdAt(), transaction.id()));
    }
}
