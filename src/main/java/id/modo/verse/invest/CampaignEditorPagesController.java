package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.FormErrors;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignApi.CampaignRequest;
import id.modo.verse.invest.CampaignApi.TierRequest;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The creator's side: the organization's campaigns, a new draft, and the editor (details, tiers, submit, cancel). Every
 * action goes through the same facade as the API, so it checks the same permission; the page only offers what the
 * reader's role and the campaign's status allow.
 */
@Controller
class CampaignEditorPagesController {

    private static final List<String> FUNDING_TYPES = Arrays.stream(CampaignApi.FundingTypeName.values()).map(Enum::name).toList();

    private final Campaigns campaigns;
    private final CampaignCatalog catalog;
    private final Organizations organizations;

    CampaignEditorPagesController(Campaigns campaigns, CampaignCatalog catalog, Organizations organizations) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.organizations = organizations;
    }

    @GetMapping("/organizations/{orgId}/campaigns")
    String list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(defaultValue = "") String cursor, Model model) {
        return list(caller, orgId, cursor, "", Map.of(), model);
    }

    @PostMapping("/organizations/{orgId}/campaigns")
    String create(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @Valid CampaignRequest form,
            BindingResult binding, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, Map.of(), "invest.error.field"));
        if (form.title() == null || form.title().isBlank()) {
            errors.put("title", "invest.error.title");
        }
        if (errors.isEmpty()) {
            CampaignView created = campaigns.create(caller.id(), orgId, null, new CampaignRequest(form.title(), null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null).terms());
            return "redirect:/organizations/" + orgId + "/campaigns/" + created.id();
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return list(caller, orgId, "", form.title() == null ? "" : form.title(), errors, model);
    }

    @GetMapping("/organizations/{orgId}/campaigns/{campaignId}")
    String editor(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String done, Model model) {
        return editor(caller, orgId, campaignId, null, Map.of(), List.of(), done.isEmpty() ? null : "invest.editor.done." + done, model);
    }

    /** Saves the details; the end date is a day, which ends at midnight in Jakarta. */
    @PostMapping("/organizations/{orgId}/campaigns/{campaignId}")
    String save(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @Valid CampaignRequest form, BindingResult binding, @RequestParam(name = "end_day", required = false) String endDay,
            HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, Map.of(), "invest.error.field"));
        OffsetDateTime end = null;
        if (endDay != null && !endDay.isBlank()) {
            try {
                end = LocalDate.parse(endDay.strip()).atTime(LocalTime.of(23, 59, 59)).atZone(Campaign.JAKARTA).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                errors.put("end_day", "invest.error.field");
            }
        }
        List<String> problems = new ArrayList<>();
        if (errors.isEmpty()) {
            CampaignRequest request = new CampaignRequest(form.title(), null, null, form.tagline(), form.description(), form.story(),
                    form.posterUrl(), form.bannerUrl(), form.videoUrl(), null, form.goalAmount(), form.fundingType(),
                    form.equityOffered(), end, form.category(), null, form.risks(), form.challenges());
            try {
                campaigns.update(caller.id(), orgId, campaignId, request.terms());
                return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "?done=saved";
            } catch (ProblemException e) {
                if (e.type() != InvestProblems.CAMPAIGN_LOCKED) {
                    throw e;
                }
                problems.add("invest.editor.locked");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", text(form.title()));
        typed.put("tagline", text(form.tagline()));
        typed.put("goal_amount", text(form.goalAmount()));
        typed.put("end_day", text(endDay));
        typed.put("story", text(form.story()));
        typed.put("risks", text(form.risks()));
        typed.put("challenges", text(form.challenges()));
        typed.put("description", text(form.description()));
        typed.put("video_url", text(form.videoUrl()));
        typed.put("poster_url", text(form.posterUrl()));
        return editor(caller, orgId, campaignId, typed, errors, problems, null, model);
    }

    @PostMapping("/organizations/{orgId}/campaigns/{campaignId}/tiers")
    String addTier(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @Valid TierRequest form, BindingResult binding, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.keys(binding, Map.of(), "invest.error.field").forEach((field, key) -> errors.put("tier_" + field, key));
        List<String> problems = new ArrayList<>();
        if (errors.isEmpty()) {
            try {
                campaigns.addTier(caller.id(), orgId, campaignId, form.input());
                return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "?done=tier";
            } catch (ProblemException e) {
                if (e.properties().get("errors") instanceof List<?> fields) {
                    fields.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                            .forEach(field -> errors.put("tier_" + field.field(), "invest.error.field"));
                } else if (e.type() == InvestProblems.CAMPAIGN_LOCKED) {
                    problems.add("invest.editor.locked");
                } else {
                    throw e;
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return editor(caller, orgId, campaignId, null, errors, problems, null, model);
    }

    @PostMapping("/organizations/{orgId}/campaigns/{campaignId}/tiers/{tierId}/delete")
    String deleteTier(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable TierId tierId) {
        campaigns.deleteTier(caller.id(), orgId, campaignId, tierId);
        return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "?done=tier_deleted";
    }

    @PostMapping("/organizations/{orgId}/campaigns/{campaignId}/submit")
    String submit(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            HttpServletResponse response, Model model) {
        try {
            campaigns.submit(caller.id(), orgId, campaignId);
            return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "?done=submitted";
        } catch (ProblemException e) {
            List<String> problems = new ArrayList<>();
            if (e.type() == InvestProblems.CAMPAIGN_INCOMPLETE && e.properties().get("errors") instanceof List<?> fields) {
                fields.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                        .forEach(field -> problems.add("invest.missing." + field.field()));
            } else if (e.type() == InvestProblems.ILLEGAL_TRANSITION) {
                problems.add("invest.editor.illegal");
            } else {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return editor(caller, orgId, campaignId, null, Map.of(), problems, null, model);
        }
    }

    @PostMapping("/organizations/{orgId}/campaigns/{campaignId}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            HttpServletResponse response, Model model) {
        try {
            campaigns.cancel(caller.id(), orgId, campaignId);
            return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "?done=cancelled";
        } catch (ProblemException e) {
            if (e.type() != InvestProblems.CAMPAIGN_HAS_INVESTMENTS && e.type() != InvestProblems.ILLEGAL_TRANSITION) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return editor(caller, orgId, campaignId, null, Map.of(), List.of(e.type() == InvestProblems.ILLEGAL_TRANSITION
                    ? "invest.editor.illegal" : "invest.editor.has_investments"), null, model);
        }
    }

    private String list(CurrentUser caller, OrganizationId orgId, String cursor, String title, Map<String, String> errors, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        Page<CampaignCard> page;
        try {
            page = catalog.ofOrganization(caller.id(), orgId, cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            page = catalog.ofOrganization(caller.id(), orgId, null, Keyset.DEFAULT_LIMIT);
        }
        String next = page.nextCursor() == null ? null
                : ListFilters.nextUrl("/organizations/{org}/campaigns", orgId.value(), Map.of(), page.nextCursor());
        model.addAttribute("page", new InvestPageModels.OrganizationCampaignsPage(orgId.toString(), organization.name(), page.items(),
                organization.myRole().can(Permission.EDIT_CONTENT), errors, title, next));
        return "invest/organization-campaigns";
    }

    private String editor(CurrentUser caller, OrganizationId orgId, CampaignId campaignId, Map<String, String> typed,
            Map<String, String> errors, List<String> problems, String notice, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        CampaignView campaign = campaigns.get(caller.id(), orgId, campaignId);
        Map<String, String> form = typed != null ? typed : values(campaign);
        model.addAttribute("page", new InvestPageModels.EditorPage(orgId.toString(), organization.name(), campaign,
                campaigns.tiers(caller.id(), orgId, campaignId), organization.myRole().can(Permission.EDIT_CONTENT), form, errors,
                problems, notice, InvestPagesController.CATEGORIES, FUNDING_TYPES));
        return "invest/editor";
    }

    private static Map<String, String> values(CampaignView c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", text(c.title()));
        form.put("tagline", text(c.tagline()));
        form.put("goal_amount", c.goalAmount().signum() == 0 ? "" : c.goalAmount().toPlainString());
        form.put("end_day", c.endDate() == null ? "" : LocalDate.ofInstant(c.endDate(), Campaign.JAKARTA).toString());
        form.put("story", text(c.story()));
        form.put("risks", text(c.risks()));
        form.put("challenges", text(c.challenges()));
        form.put("description", text(c.description()));
        form.put("video_url", text(c.videoUrl()));
        form.put("poster_url", text(c.posterUrl()));
        return form;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
