package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Slug;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's campaigns and their tiers, and the platform admins' review. Members read (viewers too), members
 * who edit content write; another organization's campaign, or one that does not exist, is 404 alike.
 */
@Service
public class Campaigns {

    private final CampaignRepository campaigns;
    private final Tiers tiers;
    private final Organizations organizations;
    private final ProjectAccess projects;
    private final InvestmentRows investments;
    private final Clock clock;

    Campaigns(CampaignRepository campaigns, Tiers tiers, Organizations organizations, ProjectAccess projects,
            InvestmentRows investments, Clock clock) {
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.organizations = organizations;
        this.projects = projects;
        this.investments = investments;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(UserId actor, OrganizationId organization, String requestedSlug, CampaignTerms terms) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        checkProject(actor, organization, terms);
        String slug;
        if (requestedSlug == null || requestedSlug.isBlank()) {
            slug = Slug.free(Slug.suggest(terms.title(), "campaign"), campaigns::existsBySlug);
        } else {
            slug = requestedSlug.strip();
            if (!Slug.isValid(slug)) {
                throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                        List.of(new FieldError("slug", "must be lowercase letters, digits and single hyphens"))));
            }
            if (campaigns.existsBySlug(slug)) {
                throw slugTaken(slug);
            }
        }
        try {
            Campaign campaign = campaigns.saveAndFlush(Campaign.create(organization.value(), actor.value(), slug, terms, clock.instant()));
            return view(campaign);
        } catch (DataIntegrityViolationException e) {
            throw slugTaken(slug); // taken by a parallel request between the check and the insert
        }
    }

    @Transactional(readOnly = true)
    public CampaignView get(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.VIEW);
        return view(owned(organization, id));
    }

    @Transactional
    public CampaignView update(UserId actor, OrganizationId organization, CampaignId id, CampaignTerms terms) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = lockedOwned(organization, id);
        checkProject(actor, organization, terms);
        campaign.apply(terms, clock.instant());
        return view(campaign);
    }

    @Transactional
    public CampaignView submit(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = lockedOwned(organization, id);
        campaign.submit(tiers.count(campaign.id()), clock.instant());
        return view(campaign);
    }

    /** Cancels a campaign nobody has invested in yet (investments would need their refunds first). */
    @Transactional
    public CampaignView cancel(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = lockedOwned(organization, id);
        if (investments.open(campaign.id()) > 0) {
            throw new ProblemException(InvestProblems.CAMPAIGN_HAS_INVESTMENTS,
                    "People have invested in this campaign; it can no longer be cancelled without refunding them.");
        }
        campaign.cancel(clock.instant());
        return view(campaign);
    }

    /** Ends a campaign after its end date: funded or failed by the money it raised (read under the campaign's lock). */
    @Transactional
    public CampaignView close(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = lockedOwned(organization, id);
        // Its investors' refunds call the gateways, which the deadline job does outside this lock (Settlement).
        if (campaign.outcome() == CampaignStatus.FAILED && investments.open(campaign.id()) > 0) {
            throw new ProblemException(InvestProblems.CAMPAIGN_HAS_INVESTMENTS,
                    "The campaign missed its goal and holds investments; the deadline job refunds them and then closes it as failed.");
        }
        campaign.close(clock.instant());
        return view(campaign);
    }

    @Transactional
    public CampaignView complete(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = lockedOwned(organization, id);
        campaign.complete(clock.instant());
        return view(campaign);
    }

    // Tiers

    @Transactional(readOnly = true)
    public List<TierView> tiers(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.VIEW);
        return tiers.of(owned(organization, id).id());
    }

    @Transactional
    public TierView addTier(UserId actor, OrganizationId organization, CampaignId id, TierInput input) {
        return tiers.create(draftForTiers(actor, organization, id).id(), input);
    }

    @Transactional
    public TierView changeTier(UserId actor, OrganizationId organization, CampaignId id, TierId tier, TierInput input) {
        return tiers.replace(draftForTiers(actor, organization, id).id(), tier.value(), input);
    }

    @Transactional
    public void deleteTier(UserId actor, OrganizationId organization, CampaignId id, TierId tier) {
        tiers.delete(draftForTiers(actor, organization, id).id(), tier.value());
    }

    /** Tiers are part of the terms reviewed and promised to investors: they change only in a draft. */
    private Campaign draftForTiers(UserId actor, OrganizationId organization, CampaignId id) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Campaign campaign = lockedOwned(organization, id);
        if (campaign.status() != CampaignStatus.DRAFT) {
            throw new ProblemException(InvestProblems.CAMPAIGN_LOCKED, "The tiers of a " + campaign.status().dbValue()
                    + " campaign cannot change.", Map.of("fields", List.of("tiers"), "campaign_status", campaign.status().dbValue()));
        }
        return campaign;
    }

    // The platform admins' review (the admin paths are for platform admins only, see WebSecurityConfiguration)

    @Transactional
    public CampaignView approve(UserId admin, CampaignId id) {
        Campaign campaign = campaigns.lockById(id.value()).orElseThrow(Campaigns::notFound);
        campaign.approve(admin.value(), tiers.count(campaign.id()), clock.instant());
        return view(campaign);
    }

    @Transactional
    public CampaignView reject(UserId admin, CampaignId id, String reason) {
        Campaign campaign = campaigns.lockById(id.value()).orElseThrow(Campaigns::notFound);
        campaign.reject(admin.value(), reason, clock.instant());
        return view(campaign);
    }

    @Transactional(readOnly = true)
    public CampaignView forReview(CampaignId id) {
        return view(campaigns.findById(id.value()).orElseThrow(Campaigns::notFound));
    }

    /** What an admin reads before deciding: the campaign and its tiers. */
    @Transactional(readOnly = true)
    public List<TierView> tiersForReview(CampaignId id) {
        return tiers.of(campaigns.findById(id.value()).orElseThrow(Campaigns::notFound).id());
    }

    private void checkProject(UserId actor, OrganizationId organization, CampaignTerms terms) {
        if (terms.projectId() == null || terms.clearProject()) {
            return;
        }
        boolean ours = projects.find(actor, ProjectId.of(terms.projectId()))
                .filter(project -> project.organizationId().equals(organization)).isPresent();
        if (!ours) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                    List.of(new FieldError("project_id", "must be a project of this organization you may see"))));
        }
    }

    private Campaign owned(OrganizationId organization, CampaignId id) {
        return campaigns.findById(id.value()).filter(c -> organization.value().equals(c.organizationId()))
                .orElseThrow(Campaigns::notFound);
    }

    private Campaign lockedOwned(OrganizationId organization, CampaignId id) {
        return campaigns.lockById(id.value()).filter(c -> organization.value().equals(c.organizationId()))
                .orElseThrow(Campaigns::notFound);
    }

    CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign);
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such campaign.");
    }

    private static ProblemException slugTaken(String slug) {
        return new ProblemException(InvestProblems.SLUG_TAKEN, "The address '" + slug + "' is taken by another campaign.");
    }
}
