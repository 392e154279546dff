package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lists of campaigns: the public explore list, an organization's own, the admins' review queue; and a public campaign. */
@Service
public class CampaignCatalog {

    /** How the explore list is ordered. */
    public enum Sort {
        ENDING_SOON, MOST_FUNDED, NEWEST
    }

    /** A public campaign with its tiers, and the days it has left (Asia/Jakarta). */
    public record PublicCampaign(CampaignView campaign, String organizationName, List<TierView> tiers, long daysLeft) {
    }

    private static final String CARD = """
            select id, organization_id, title, slug, tagline, poster_url, category, status, goal_amount, raised_amount, backer_count,
                currency, end_date, launched_at, submitted_at, created_at from campaigns""";

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final Tiers tiers;
    private final Organizations organizations;
    private final Clock clock;

    CampaignCatalog(JdbcClient jdbc, CampaignRepository campaigns, Tiers tiers, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Active campaigns that still run. The cursor is the last row's position in the order: its end date, its launch, or
     * (most funded) its raised amount in minor units carried in the cursor's time field as microseconds, since the shared
     * cursor holds a time and an id.
     */
    @Transactional(readOnly = true)
    public Page<CampaignCard> explore(Sort sort, String category, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(CARD).append(" where status = 'active' and end_date > ?");
        params.add(Timestamp.from(clock.instant()));
        if (category != null) {
            sql.append(" and category = ?");
            params.add(category);
        }
        String order = switch (sort) {
            case ENDING_SOON -> {
                if (after != null) {
                    sql.append(" and (end_date, id) > (?, ?)");
                    params.add(Timestamp.from(after.createdAt()));
                    params.add(after.id());
                }
                yield " order by end_date, id";
            }
            case NEWEST -> {
                if (after != null) {
                    sql.append(" and (launched_at, id) < (?, ?)");
                    params.add(Timestamp.from(after.createdAt()));
                    params.add(after.id());
                }
                yield " order by launched_at desc, id desc";
            }
            case MOST_FUNDED -> {
                if (after != null) {
                    sql.append(" and (raised_amount, id) < (?, ?)");
                    params.add(BigDecimal.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, after.createdAt()), 2));
                    params.add(after.id());
                }
                yield " order by raised_amount desc, id desc";
            }
        };
        sql.append(order).append(" limit ?");
        params.add(Keyset.fetch(limit));
        List<CampaignCard> rows = named(jdbc.sql(sql.toString()).params(params).query(this::card).list());
        return Keyset.page(rows, limit, row -> switch (sort) {
            case ENDING_SOON -> new KeysetCursor(row.endDate(), row.id());
            case NEWEST -> new KeysetCursor(row.launchedAt(), row.id());
            case MOST_FUNDED -> new KeysetCursor(Instant.EPOCH.plus(row.raisedAmount().movePointRight(2).longValueExact(),
                    ChronoUnit.MICROS), row.id());
        });
    }

    /** A campaign anyone may see: launched, ended or completed. Drafts, campaigns under review and cancelled ones are 404. */
    @Transactional(readOnly = true)
    public PublicCampaign publicCampaign(CampaignId id) {
        Campaign campaign = campaigns.findById(id.value()).filter(c -> CampaignStatus.PUBLIC.contains(c.status()))
                .orElseThrow(Campaigns::notFound);
        String organization = organizations.names(List.of(OrganizationId.of(campaign.organizationId())))
                .getOrDefault(OrganizationId.of(campaign.organizationId()), "");
        return new PublicCampaign(CampaignView.of(campaign), organization, tiers.of(campaign.id()), daysLeft(campaign.endDate()));
    }

    /** The organization's campaigns, newest first (any member). */
    @Transactional(readOnly = true)
    public Page<CampaignCard> ofOrganization(UserId actor, OrganizationId organization, String cursor, int limit) {
        organizations.require(actor, organization, Permission.VIEW);
        KeysetCursor after = Keyset.after(cursor);
        List<Object> params = new ArrayList<>(List.of(organization.value()));
        StringBuilder sql = new StringBuilder(CARD).append(" where organization_id = ?");
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.createdAt()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(Keyset.fetch(limit));
        List<CampaignCard> rows = named(jdbc.sql(sql.toString()).params(params).query(this::card).list());
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.createdAt(), row.id()));
    }

    /** Campaigns waiting for a platform admin, the longest waiting first. */
    @Transactional(readOnly = true)
    public Page<CampaignCard> reviewQueue(String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(CARD).append(" where status = 'pending_review'");
        if (after != null) {
            sql.append(" and (submitted_at, id) > (?, ?)");
            params.add(Timestamp.from(after.createdAt()));
            params.add(after.id());
        }
        sql.append(" order by submitted_at, id limit ?");
        params.add(Keyset.fetch(limit));
        List<CampaignCard> rows = named(jdbc.sql(sql.toString()).params(params).query(this::card).list());
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.submittedAt(), row.id()));
    }

    /**
     * Campaigns past their end date and not decided yet (waiting for their payments, or for the deadline job), the
     * longest ended first: the ones a platform admin may close by hand from the review page.
     */
    public List<CampaignCard> endedUndecided(int limit) {
        return named(jdbc.sql(CARD + " where status in ('active', 'awaiting_settlement') and end_date <= ? order by end_date, id limit ?")
                .params(Timestamp.from(clock.instant()), limit).query(this::card).list());
    }

    /** Whole Jakarta days until the end date, 0 once it is today or past. */
    long daysLeft(Instant endDate) {
        if (endDate == null) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(clock.instant(), Campaign.JAKARTA), LocalDate.ofInstant(endDate, Campaign.JAKARTA));
        return Math.max(0, days);
    }

    private List<CampaignCard> named(List<CampaignCard> rows) {
        Map<OrganizationId, String> names = organizations.names(rows.stream().map(r -> OrganizationId.of(r.organizationId())).distinct().toList());
        return rows.stream().map(r -> new CampaignCard(r.id(), r.organizationId(), names.getOrDefault(OrganizationId.of(r.organizationId()), ""),
                r.title(), r.slug(), r.tagline(), r.posterUrl(), r.category(), r.status(), r.goalAmount(), r.raisedAmount(), r.backerCount(),
                r.currency(), r.endDate(), r.launchedAt(), r.submittedAt(), r.createdAt(), r.daysLeft())).toList();
    }

    private CampaignCard card(ResultSet rs, int n) throws SQLException {
        Instant end = instant(rs, "end_date");
        return new CampaignCard(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), null, rs.getString("title"),
                rs.getString("slug"), rs.getString("tagline"), rs.getString("poster_url"), rs.getString("category"), rs.getString("status"),
                rs.getBigDecimal("goal_amount"), rs.getBigDecimal("raised_amount"), rs.getInt("backer_count"), rs.getString("currency"),
                end, instant(rs, "launched_at"), instant(rs, "submitted_at"), instant(rs, "created_at"), daysLeft(end));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
