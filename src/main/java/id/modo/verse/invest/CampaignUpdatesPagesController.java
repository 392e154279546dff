package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The creator's page of a campaign's updates: the list, and (for members who edit content) the form and delete. */
@Controller
class CampaignUpdatesPagesController {

    private static final String PATH = "/organizations/{orgId}/campaigns/{campaignId}/updates";

    private final CampaignUpdates updates;
    private final Campaigns campaigns;
    private final Organizations organizations;

    CampaignUpdatesPagesController(CampaignUpdates updates, Campaigns campaigns, Organizations organizations) {
        this.updates = updates;
        this.campaigns = campaigns;
        this.organizations = organizations;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String cursor, @RequestParam(defaultValue = "") String done, Model model) {
        return page(caller, orgId, campaignId, cursor, Map.of(), Map.of(), "posted".equals(done) ? "invest.updates.posted"
                : "deleted".equals(done) ? "invest.updates.deleted" : null, model);
    }

    @PostMapping(PATH)
    String post(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "public") String visibility, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isBlank() || title.length() > 255) {
            errors.put("title", "invest.updates.error.title");
        }
        if (content.isBlank() || content.length() > 20000) {
            errors.put("content", "invest.updates.error.content");
        }
        if (!CampaignUpdates.VISIBILITIES.contains(visibility)) {
            errors.put("visibility", "invest.updates.error.visibility");
        }
        if (errors.isEmpty()) {
            try {
                updates.post(caller.id(), orgId, campaignId, title, content, visibility);
                return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "/updates?done=posted";
            } catch (ProblemException e) {
                if (e.type() != InvestProblems.CAMPAIGN_LOCKED) {
                    throw e;
                }
                errors.put("form", "invest.updates.error.not_launched");
            }
        }
        response.setStatus(errors.containsKey("form") ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
        return page(caller, orgId, campaignId, "", Map.of("title", title, "content", content, "visibility", visibility), errors, null, model);
    }

    @PostMapping(PATH + "/{updateId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable String updateId) {
        UUID id = ListFilters.pathId(updateId);
        if (id == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such update.");
        }
        updates.delete(caller.id(), orgId, campaignId, id);
        return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "/updates?done=deleted";
    }

    private String page(CurrentUser caller, OrganizationId orgId, CampaignId campaignId, String cursor, Map<String, String> form,
            Map<String, String> errors, String notice, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        CampaignView campaign = campaigns.get(caller.id(), orgId, campaignId);
        Page<UpdateView> page;
        try {
            page = updates.forMembers(caller.id(), orgId, campaignId, cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            page = updates.forMembers(caller.id(), orgId, campaignId, null, Keyset.DEFAULT_LIMIT);
        }
        String next = page.nextCursor() == null ? null : ListFilters.nextUrl("/organizations/{org}/campaigns/" + campaignId + "/updates",
                orgId.value(), Map.of(), page.nextCursor());
        boolean canPost = organization.myRole().can(Permission.EDIT_CONTENT) && CampaignStatus.PUBLIC.contains(CampaignStatus.fromDb(campaign.status()));
        model.addAttribute("page", new InvestPageModels.UpdatesPage(orgId.toString(), organization.name(), campaign, page.items(), canPost,
                form, errors, notice, next));
        return "invest/updates";
    }
}
