package id.modo.verse.billing;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Money;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Rows;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices: issued (open) when a subscription payment is started, paid when the payment completes, void when it is
 * superseded or given up. Numbers are {@code MODO-<year>-<6 digits>}, sequential per year (Asia/Jakarta) without gaps:
 * the year's counter row is incremented in the issuing transaction, so it stays locked until the invoice commits and
 * a rolled-back issue gives its number back.
 */
@Service
public class Invoices {

    static final ZoneId NUMBERING_ZONE = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;
    private final Organizations organizations;

    Invoices(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    public enum Kind { SUBSCRIBE, UPGRADE, RENEWAL }

    public enum Status { DRAFT, OPEN, PAID, VOID }

    public enum LineKind { PLAN, PRORATED_PLAN, UNUSED_CREDIT }

    public record Line(LineKind kind, String plan, BillingCycle cycle, Instant periodStart, Instant periodEnd, Money amount) {
    }

    public record Invoice(UUID id, String number, OrganizationId organizationId, UUID subscriptionId, UUID paymentId, Kind kind,
            String plan, BillingCycle cycle, Status status, Money subtotal, BigDecimal taxRate, Money tax, Money total,
            Instant periodStart, Instant periodEnd, String billingName, String billingEmail, Instant issuedAt, Instant paidAt,
            Instant createdAt, List<Line> lines) {
    }

    record Issue(OrganizationId organizationId, UUID subscriptionId, Kind kind, String plan, BillingCycle cycle, List<Line> lines,
            BigDecimal taxRate, Instant periodStart, Instant periodEnd, String billingName, String billingEmail, Instant now) {
    }

    /** Issues an open invoice in the caller's transaction (mandatory: its number must commit or roll back with it). */
    @Transactional(propagation = Propagation.MANDATORY)
    Invoice issue(Issue issue) {
        Money subtotal = issue.lines().stream().map(Line::amount).reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("An invoice has lines"));
        if (!subtotal.isPositive()) {
            throw new IllegalArgumentException("An invoice is for a positive amount, was " + subtotal);
        }
        Money tax = subtotal.times(issue.taxRate());
        int year = issue.now().atZone(NUMBERING_ZONE).getYear();
        int sequence = jdbc.sql("""
                insert into invoice_counters (year, last_number) values (?, 1)
                on conflict (year) do update set last_number = invoice_counters.last_number + 1
                returning last_number""").param(year).query(Integer.class).single();
        String number = "MODO-%d-%06d".formatted(year, sequence);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(issue.now());
        jdbc.sql("""
                insert into invoices (id, number, organization_id, subscription_id, kind, plan, billing_cycle, status, subtotal,
                  tax_rate, tax, total, currency, period_start, period_end, billing_name, billing_email, issued_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, issue.organizationId().value(), issue.subscriptionId(), lower(issue.kind()), issue.plan(),
                        issue.cycle().dbValue(), subtotal.amount(), issue.taxRate(), tax.amount(), subtotal.plus(tax).amount(),
                        subtotal.currency(), ts(issue.periodStart()), ts(issue.periodEnd()), issue.billingName(), issue.billingEmail(),
                        now, now)
                .update();
        int position = 0;
        for (Line line : issue.lines()) {
            jdbc.sql("""
                    insert into invoice_lines (invoice_id, position, kind, plan, billing_cycle, period_start, period_end, amount)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++position, lower(line.kind()), line.plan(), line.cycle().dbValue(), ts(line.periodStart()),
                            ts(line.periodEnd()), line.amount().amount())
                    .update();
        }
        return find(id).orElseThrow();
    }

    /** The invoice, its row locked until the transaction ends (settling a payment against it). */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Invoice> lock(UUID id) {
        return jdbc.sql("select * from invoices where id = ? for update").param(id).query(this::invoice).optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markPaid(UUID id, UUID paymentId, Instant paidAt, Instant periodStart, Instant periodEnd) {
        int changed = jdbc.sql("""
                update invoices set status = 'paid', payment_id = ?, paid_at = ?,
                  period_start = coalesce(?, period_start), period_end = coalesce(?, period_end)
                where id = ? and status = 'open'""")
                .params(paymentId, Timestamp.from(paidAt), ts(periodStart), ts(periodEnd), id)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("Invoice " + id + " is not open");
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void voidOpen(UUID id, Instant now) {
        jdbc.sql("update invoices set status = 'void', voided_at = ? where id = ? and status = 'open'").params(Timestamp.from(now), id).update();
    }

    /** Voids the subscription's open invoices of the given kinds (a new checkout supersedes them). */
    @Transactional(propagation = Propagation.MANDATORY)
    void voidOpen(UUID subscriptionId, List<Kind> kinds, Instant now) {
        jdbc.sql("update invoices set status = 'void', voided_at = ? where subscription_id = ? and status = 'open' and kind in (:kinds)"
                .replace(":kinds", kinds.stream().map(k -> "'" + lower(k) + "'").collect(Collectors.joining(","))))
                .params(Timestamp.from(now), subscriptionId)
                .update();
    }

    /** The subscription's newest open invoice of this kind for this plan and cycle (a checkout not paid yet). */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Invoice> openFor(OrganizationId organization, UUID subscriptionId, Kind kind, String plan, BillingCycle cycle) {
        return jdbc.sql("""
                select * from invoices
                where organization_id = ? and subscription_id = ? and status = 'open' and kind = ? and plan = ? and billing_cycle = ?
                order by created_at desc, id desc limit 1""")
                .params(organization.value(), subscriptionId, lower(kind), plan, cycle.dbValue())
                .query(this::invoice)
                .optional();
    }

    @Transactional(readOnly = true)
    Optional<Invoice> openRenewal(UUID subscriptionId) {
        return jdbc.sql("select * from invoices where subscription_id = ? and kind = 'renewal' and status = 'open'")
                .param(subscriptionId).query(this::invoice).optional();
    }

    @Transactional(readOnly = true)
    Optional<Invoice> find(UUID id) {
        return jdbc.sql("select * from invoices where id = ?").param(id).query(this::invoice).optional();
    }

    /** An invoice for a member of its organization; anyone else gets the same 404 as for one that does not exist. */
    @Transactional(readOnly = true)
    public Invoice get(UserId actor, UUID id) {
        Invoice invoice = find(id).orElseThrow(Invoices::notFound);
        try {
            organizations.require(actor, invoice.organizationId(), Permission.VIEW);
        } catch (ProblemException e) {
            // The organization's own "no such organization" would tell an outsider that the invoice exists.
            throw notFound();
        }
        return invoice;
    }

    /** The organization's invoices, newest first, by keyset on (created_at, id). */
    @Transactional(readOnly = true)
    public Page<Invoice> list(UserId actor, OrganizationId organization, String cursor, Integer limit) {
        organizations.require(actor, organization, Permission.VIEW);
        int size = limit == null ? Keyset.DEFAULT_LIMIT : limit;
        if (size < 1 || size > Keyset.MAX_LIMIT) {
            // Worded as this list has always answered; the other lists say "must be between 1 and 100".
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors",
                    List.of(new id.modo.verse.common.FieldError("limit", "must be 1 to " + Keyset.MAX_LIMIT))));
        }
        KeysetCursor after = Keyset.after(cursor);
        List<Invoice> rows = (after == null
                ? jdbc.sql("select * from invoices where organization_id = ? order by created_at desc, id desc limit ?")
                        .params(organization.value(), Keyset.fetch(size))
                : jdbc.sql("""
                        select * from invoices where organization_id = ? and (created_at, id) < (?, ?)
                        order by created_at desc, id desc limit ?""")
                        .params(organization.value(), Timestamp.from(after.createdAt()), after.id(), Keyset.fetch(size)))
                .query(this::invoice).list();
        return Keyset.page(rows, size, invoice -> new KeysetCursor(invoice.createdAt(), invoice.id()));
    }

    private Invoice invoice(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String currency = rs.getString("currency");
        List<Line> lines = jdbc.sql("select * from invoice_lines where invoice_id = ? order by position").param(id)
                .query((l, n) -> new Line(LineKind.valueOf(l.getString("kind").toUpperCase(java.util.Locale.ROOT)), l.getString("plan"),
                        BillingCycle.fromDb(l.getString("billing_cycle")), Rows.instant(l, "period_start"), Rows.instant(l, "period_end"),
                        new Money(l.getBigDecimal("amount"), currency)))
                .list();
        return new Invoice(id, rs.getString("number"), OrganizationId.of(rs.getObject("organization_id", UUID.class)),
                rs.getObject("subscription_id", UUID.class), rs.getObject("payment_id", UUID.class),
                Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("plan"),
                BillingCycle.fromDb(rs.getString("billing_cycle")), Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                new Money(rs.getBigDecimal("subtotal"), currency), rs.getBigDecimal("tax_rate"), new Money(rs.getBigDecimal("tax"), currency),
                new Money(rs.getBigDecimal("total"), currency), Rows.instant(rs, "period_start"), Rows.instant(rs, "period_end"),
                rs.getString("billing_name"), rs.getString("billing_email"), Rows.instant(rs, "issued_at"), Rows.instant(rs, "paid_at"),
                Rows.instant(rs, "created_at"), lines);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such invoice.");
    }
}
