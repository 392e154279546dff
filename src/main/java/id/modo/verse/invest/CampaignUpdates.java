package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.RichText;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a campaign's creator tells its public and its backers as it goes. Members who edit content post and delete
 * updates once the campaign is launched; everyone reads the public ones, and backers (a confirmed investment in the
 * campaign) the backers-only ones too. Content is Markdown, shown only as sanitized HTML.
 */
@Service
public class CampaignUpdates {

    public static final List<String> VISIBILITIES = List.of("public", "backers_only");

    private final CampaignRepository campaigns;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignUpdates(CampaignRepository campaigns, Organizations organizations, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Posts an update; a campaign that was never launched (a draft, under review, cancelled) has no one to tell: 409. */
    @Transactional
    public UpdateView post(UserId actor, OrganizationId organization, CampaignId id, String title, String content, String visibility) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = campaigns.lockById(id.value()).filter(c -> organization.value().equals(c.organizationId()))
                .orElseThrow(Campaigns::notFound);
        if (!CampaignStatus.PUBLIC.contains(campaign.status())) {
            throw new ProblemException(InvestProblems.CAMPAIGN_LOCKED, "A " + campaign.status().dbValue()
                    + " campaign has no backers or public to post updates to yet.", Map.of("campaign_status", campaign.status().dbValue()));
        }
        UUID updateId = UUID.randomUUID();
        Instant now = clock.instant();
        String chosen = visibility == null ? "public" : visibility;
        jdbc.sql("""
                insert into campaign_updates (id, campaign_id, author_id, title, content, visibility, created_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(updateId, campaign.id(), actor.value(), title.strip(), content, chosen, Timestamp.from(now)).update();
        jdbc.sql("update campaigns set update_count = update_count + 1 where id = ?").param(campaign.id()).update();
        return new UpdateView(updateId, campaign.id(), actor.value(), title.strip(), content, RichText.toHtml(content), chosen, now);
    }

    @Transactional
    public void delete(UserId actor, OrganizationId organization, CampaignId id, UUID updateId) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = campaigns.lockById(id.value()).filter(c -> organization.value().equals(c.organizationId()))
                .orElseThrow(Campaigns::notFound);
        int deleted = jdbc.sql("delete from campaign_updates where id = ? and campaign_id = ?").params(updateId, campaign.id()).update();
        if (deleted == 0) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such update.");
        }
        jdbc.sql("update campaigns set update_count = update_count - 1 where id = ?").param(campaign.id()).update();
    }

    /** Every update of the organization's campaign, for its members. */
    public Page<UpdateView> forMembers(UserId actor, OrganizationId organization, CampaignId id, String cursor, int limit) {
        organizations.require(actor, organization, Permission.VIEW);
        campaigns.findById(id.value()).filter(c -> organization.value().equals(c.organizationId())).orElseThrow(Campaigns::notFound);
        return page(id.value(), true, cursor, limit);
    }

    /**
     * The updates a reader may see of a launched campaign: the public ones, and the backers-only ones for a reader
     * ({@code reader} null when signed out) with a confirmed investment in it. A campaign that is not public is 404.
     */
    public Page<UpdateView> forReader(UserId reader, CampaignId id, String cursor, int limit) {
        Campaign campaign = campaigns.findById(id.value()).filter(c -> CampaignStatus.PUBLIC.contains(c.status()))
                .orElseThrow(Campaigns::notFound);
        return page(campaign.id(), reader != null && backs(reader, campaign.id()), cursor, limit);
    }

    private boolean backs(UserId reader, UUID campaignId) {
        return jdbc.sql("select exists (select 1 from investments where campaign_id = ? and user_id = ? and status = 'confirmed')")
                .params(campaignId, reader.value()).query(Boolean.class).single();
    }

    private Page<UpdateView> page(UUID campaignId, boolean backersOnlyToo, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        String sql = "select id, campaign_id, author_id, title, content, visibility, created_at from campaign_updates where campaign_id = ?"
                + (backersOnlyToo ? "" : " and visibility = 'public'")
                + (after == null ? "" : " and (created_at, id) < (?, ?)") + " order by created_at desc, id desc limit ?";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(campaignId);
        if (after != null) {
            statement = statement.param(Timestamp.from(after.createdAt())).param(after.id());
        }
        List<UpdateView> rows = statement.param(Keyset.fetch(limit)).query((rs, n) -> {
            String content = rs.getString("content");
            return new UpdateView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                    rs.getObject("author_id", UUID.class), rs.getString("title"), content, RichText.toHtml(content),
                    rs.getString("visibility"), rs.getTimestamp("created_at").toInstant());
        }).list();
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.createdAt(), row.id()));
    }
}
