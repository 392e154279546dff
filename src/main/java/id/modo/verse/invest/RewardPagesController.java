package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.FormErrors;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rewards pages: the investor's rewards (download, code, shipping address, credits to claim) and the creator's
 * shipping form on the backers page. Each action is the API's, with the same checks.
 */
@Controller
class RewardPagesController {

    private static final Map<String, String> NOTICES = Map.of("address", "rew.done.address", "claimed", "rew.done.claimed");

    private final RewardFulfilment fulfilment;
    private final InvestorRewards rewards;
    private final Organizations organizations;

    RewardPagesController(RewardFulfilment fulfilment, InvestorRewards rewards, Organizations organizations) {
        this.fulfilment = fulfilment;
        this.rewards = rewards;
        this.organizations = organizations;
    }

    @GetMapping("/investments/rewards")
    String mine(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "") String done, @RequestParam(defaultValue = "") String error, Model model) {
        String notice = "not_editable".equals(error) ? "rew.error.not_editable" : NOTICES.get(done);
        return page(caller, cursor, null, Map.of(), Map.of(), notice, model);
    }

    @PostMapping("/investments/rewards/{rewardId}/address")
    String address(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID rewardId, @Valid ShippingAddress form,
            BindingResult binding, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, Map.of(), "rew.error.field"));
        if (errors.isEmpty()) {
            try {
                fulfilment.address(caller.id(), rewardId, form);
                return "redirect:/investments/rewards?done=address#reward-" + rewardId;
            } catch (ProblemException e) {
                if (e.type() == InvestProblems.REWARD_NOT_EDITABLE) {
                    return "redirect:/investments/rewards?error=not_editable#reward-" + rewardId;
                }
                if (!(e.properties().get("errors") instanceof List<?> fields)) {
                    throw e;
                }
                fields.stream().filter(id.modo.verse.common.FieldError.class::isInstance).map(id.modo.verse.common.FieldError.class::cast)
                        .forEach(field -> errors.put(field.field(), "rew.error.field"));
            }
        }
        fulfilment.mine(caller.id(), rewardId);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", text(form.name()));
        typed.put("street", text(form.street()));
        typed.put("city", text(form.city()));
        typed.put("postal_code", text(form.postalCode()));
        typed.put("country", text(form.country()));
        typed.put("phone", text(form.phone()));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(caller, "", rewardId.toString(), typed, errors, null, model);
    }

    @PostMapping("/investments/rewards/{rewardId}/claim")
    String claim(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID rewardId, @RequestParam("organization_id") UUID organization) {
        try {
            rewards.claimCredits(caller.id(), rewardId, OrganizationId.of(organization));
        } catch (ProblemException e) {
            if (e.type() != InvestProblems.REWARD_NOT_EDITABLE) {
                throw e;
            }
            return "redirect:/investments/rewards?error=not_editable#reward-" + rewardId;
        }
        return "redirect:/investments/rewards?done=claimed#reward-" + rewardId;
    }

    /** The creator's form on the backers page; its outcome comes back there as a notice. */
    @PostMapping("/organizations/{orgId}/campaigns/{campaignId}/rewards/{rewardId}")
    String move(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable UUID rewardId, @RequestParam(defaultValue = "") String status,
            @RequestParam(name = "tracking_number", defaultValue = "") String trackingNumber) {
        String backers = "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "/backers";
        try {
            fulfilment.move(caller.id(), orgId, campaignId, rewardId, status, trackingNumber);
        } catch (ProblemException e) {
            if (e.type() == InvestProblems.REWARD_TRANSITION) {
                return backers + "?reward=transition#rewards";
            }
            if (e.properties().get("errors") instanceof List<?>) {
                return backers + "?reward=" + ("shipped".equals(status) ? "tracking" : "status") + "#rewards";
            }
            throw e;
        }
        return backers + "?reward=done#rewards";
    }

    private String page(CurrentUser caller, String cursor, String failedReward, Map<String, String> form, Map<String, String> errors,
            String notice, Model model) {
        Page<RewardView> page;
        try {
            page = fulfilment.mine(caller.id(), cursor.isEmpty() ? null : cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            // A cut or edited cursor: the list from the start rather than an error for a link.
            page = fulfilment.mine(caller.id(), null, Keyset.DEFAULT_LIMIT);
        }
        List<RewardPages.ClaimTarget> targets = page.items().stream().anyMatch(RewardView::creditsClaimable)
                ? organizations.mine(caller.id()).stream().filter(o -> o.myRole().can(Permission.MANAGE_BILLING))
                        .map(o -> new RewardPages.ClaimTarget(o.id().toString(), o.name())).toList()
                : List.of();
        String next = page.nextCursor() == null ? null
                : "/investments/rewards?cursor=" + java.net.URLEncoder.encode(page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8);
        model.addAttribute("page", new RewardPages.MyRewardsPage(page.items(), targets, failedReward, form, errors, notice, next));
        return "invest/rewards";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
