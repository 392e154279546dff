package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform admins' review queue (the {@code /admin/**} pages are for platform admins only). */
@Controller
class CampaignReviewPagesController {

    private static final int ENDED_SHOWN = 20;

    private final Campaigns campaigns;
    private final CampaignCatalog catalog;
    private final AdminClosing closing;

    CampaignReviewPagesController(Campaigns campaigns, CampaignCatalog catalog, AdminClosing closing) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.closing = closing;
    }

    @GetMapping("/admin/campaigns")
    String queue(@RequestParam(defaultValue = "") String cursor, @RequestParam(defaultValue = "") String done, Model model) {
        return queue(cursor, done.isEmpty() ? null : "admin.campaigns.done." + done, Map.of(), model);
    }

    @PostMapping("/admin/campaigns/{campaignId}/approve")
    String approve(@AuthenticationPrincipal CurrentUser admin, @PathVariable CampaignId campaignId, HttpServletResponse response,
            Model model) {
        try {
            campaigns.approve(admin.id(), campaignId);
            return "redirect:/admin/campaigns?done=approved";
        } catch (ProblemException e) {
            if (e.type() != InvestProblems.CAMPAIGN_INCOMPLETE && e.type() != InvestProblems.ILLEGAL_TRANSITION) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return queue("", null, Map.of(campaignId.toString(), e.type() == InvestProblems.CAMPAIGN_INCOMPLETE
                    ? "admin.campaigns.error.incomplete" : "admin.campaigns.error.moved"), model);
        }
    }

    @PostMapping("/admin/campaigns/{campaignId}/reject")
    String reject(@AuthenticationPrincipal CurrentUser admin, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String reason, HttpServletResponse response, Model model) {
        if (reason.isBlank() || reason.length() > 2000) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return queue("", null, Map.of(campaignId.toString(), "admin.campaigns.error.reason"), model);
        }
        try {
            campaigns.reject(admin.id(), campaignId, reason);
            return "redirect:/admin/campaigns?done=rejected";
        } catch (ProblemException e) {
            if (e.type() != InvestProblems.ILLEGAL_TRANSITION) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return queue("", null, Map.of(campaignId.toString(), "admin.campaigns.error.moved"), model);
        }
    }

    /** Closes an ended campaign that is not decided yet, as the API does; the outcome shows on the next page. */
    @PostMapping("/admin/campaigns/{campaignId}/close")
    String close(@AuthenticationPrincipal CurrentUser admin, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String reason, HttpServletResponse response, Model model) {
        if (reason.isBlank() || reason.length() > 2000) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return queue("", null, Map.of(campaignId.toString(), "admin.campaigns.error.close_reason"), model);
        }
        try {
            CampaignView closed = closing.close(admin.id(), campaignId, reason);
            return "redirect:/admin/campaigns?done=closed_" + closed.status();
        } catch (ProblemException e) {
            if (e.type() != InvestProblems.ILLEGAL_TRANSITION) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return queue("", null, Map.of(campaignId.toString(), "admin.campaigns.error.moved"), model);
        }
    }

    private String queue(String cursor, String notice, Map<String, String> errors, Model model) {
        Page<CampaignCard> page;
        try {
            page = catalog.reviewQueue(cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            page = catalog.reviewQueue(null, Keyset.DEFAULT_LIMIT);
        }
        String next = page.nextCursor() == null ? null : ListFilters.nextUrl("/admin/campaigns", null, Map.of(), page.nextCursor());
        var items = page.items().stream().map(card -> new InvestPageModels.ReviewItem(card, campaigns.forReview(CampaignId.of(card.id())),
                campaigns.tiersForReview(CampaignId.of(card.id())))).toList();
        model.addAttribute("page", new InvestPageModels.ReviewPage(items, next, notice, errors, catalog.endedUndecided(ENDED_SHOWN)));
        return "invest/admin-review";
    }
}
