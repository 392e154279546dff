package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.billing.Plan;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's AI keys page (owners and admins manage; others read why they cannot) and its AI usage page (any
 * member). Every form goes through the same {@link AiKeys} checks as the API.
 */
@Controller
class AiPagesController {

    private static final List<String> NOTICES = List.of("added", "refused", "untested", "valid", "invalid", "deleted");

    private final AiKeys keys;
    private final AiUsage usage;
    private final OrganizationKeys stored;
    private final Organizations organizations;

    AiPagesController(AiKeys keys, AiUsage usage, OrganizationKeys stored, Organizations organizations) {
        this.keys = keys;
        this.usage = usage;
        this.stored = stored;
        this.organizations = organizations;
    }

    @GetMapping("/organizations/{orgId}/ai/keys")
    String keysPage(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @RequestParam(defaultValue = "") String done, Model model) {
        return keys(caller, organization, Map.of(), Map.of(), NOTICES.contains(done) ? done : null, model);
    }

    @PostMapping("/organizations/{orgId}/ai/keys")
    String add(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @RequestParam(defaultValue = "") String provider, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "api_key", defaultValue = "") String apiKey, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : AiKeys.check(provider, name, apiKey)) {
            errors.putIfAbsent(error.field(), "ai.keys.error." + error.field());
        }
        if (errors.isEmpty()) {
            try {
                OrganizationKeys.KeyView key = keys.add(caller.id(), organization, AiKeys.provider(provider).orElseThrow(), name, apiKey);
                return redirect(organization, !key.valid() ? "refused" : key.lastValidatedAt() == null ? "untested" : "added");
            } catch (ProblemException problem) {
                errors.put("form", formError(problem));
                response.setStatus(problem.type().status().value());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        // The key is never written back into the form.
        return keys(caller, organization, Map.of("provider", provider, "name", name), errors, null, model);
    }

    @PostMapping("/organizations/{orgId}/ai/keys/{provider}/test")
    String test(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization, @PathVariable String provider,
            HttpServletResponse response, Model model) {
        try {
            return redirect(organization, keys.test(caller.id(), organization, pathProvider(provider)).valid() ? "valid" : "invalid");
        } catch (ProblemException problem) {
            if (problem.type().status() == HttpStatus.NOT_FOUND || problem.type().status() == HttpStatus.FORBIDDEN) {
                throw problem;
            }
            response.setStatus(problem.type().status().value());
            return keys(caller, organization, Map.of(), Map.of("form", formError(problem)), null, model);
        }
    }

    @PostMapping("/organizations/{orgId}/ai/keys/{provider}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization, @PathVariable String provider) {
        keys.delete(caller.id(), organization, pathProvider(provider));
        return redirect(organization, "deleted");
    }

    @GetMapping("/organizations/{orgId}/ai/usage")
    String usagePage(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, HttpServletResponse response, Model model) {
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);
        ZoneId zone = usage.zoneOf(caller, organization);
        UsageRange.Parsed parsed = UsageRange.parse(from, to, zone, usage.today(zone));
        Map<String, String> errors = new LinkedHashMap<>();
        parsed.errors().forEach(error -> errors.putIfAbsent(error.field(), "ai.usage.error." + error.field()));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", new AiPageModels.UsagePage(organization.toString(), view.name(), from.strip(), to.strip(), zone.getId(),
                    errors, AiPageModels.row("", UsageReports.Sums.ZERO), List.of(), List.of(), List.of(), true));
            return "ai/usage";
        }
        UsageRange range = parsed.range();
        UsageReports.Report days = usage.report(organization, range, UsageReports.Grouping.DAY);
        List<AiPageModels.GroupRow> types = rows(usage.named(usage.report(organization, range, UsageReports.Grouping.TYPE)), false);
        List<AiPageModels.GroupRow> members = rows(usage.named(usage.report(organization, range, UsageReports.Grouping.MEMBER)), true);
        model.addAttribute("page", new AiPageModels.UsagePage(organization.toString(), view.name(), range.from().toString(), range.to().toString(),
                zone.getId(), errors, AiPageModels.row("", days.totals()), AiPageModels.bars(days.rows()), types, members, days.empty()));
        return "ai/usage";
    }

    private String keys(CurrentUser caller, OrganizationId organization, Map<String, String> values, Map<String, String> errors, String notice,
            Model model) {
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);
        boolean canManage = view.myRole().can(Permission.MANAGE_SETTINGS);
        Plan allowing = keys.planAllowingByok().orElse(null);
        List<AiPageModels.ProviderRow> providers = List.of();
        if (canManage) {
            Map<ProviderKind, OrganizationKeys.KeyView> byProvider = new LinkedHashMap<>();
            stored.list(organization).forEach(key -> byProvider.put(key.provider(), key));
            providers = AiKeys.PROVIDERS.stream().map(provider -> {
                OrganizationKeys.KeyView key = byProvider.get(provider);
                return key == null ? new AiPageModels.ProviderRow(provider.key(), null, null, false, null, null, false)
                        : new AiPageModels.ProviderRow(provider.key(), key.lastFour(), key.name(), key.valid(), key.lastValidatedAt(),
                                key.createdAt(), true);
            }).toList();
        }
        String noticeKind = notice == null ? null : List.of("refused", "invalid").contains(notice) ? "error" : "success";
        model.addAttribute("page", new AiPageModels.KeysPage(organization.toString(), view.name(), canManage, keys.byokAllowed(organization),
                view.plan(), allowing == null ? null : allowing.name(), providers, values, errors, notice, noticeKind));
        return "ai/keys";
    }

    private static List<AiPageModels.GroupRow> rows(List<AiUsage.NamedRow> named, boolean members) {
        return named.stream().map(row -> AiPageModels.row(members ? (row.name() == null ? "" : row.name()) : row.key(), row.sums())).toList();
    }

    private static String formError(ProblemException problem) {
        if (problem.type().equals(AiProblems.BYOK_NOT_ALLOWED)) {
            return "ai.keys.error.byok";
        }
        if (problem.type().equals(ProblemType.TOO_MANY_REQUESTS)) {
            return "ai.keys.error.too_many";
        }
        if (problem.type().equals(AiProblems.PROVIDER_UNAVAILABLE) || problem.type().equals(AiProblems.PROVIDER_FAILED)) {
            return "ai.keys.error.unavailable";
        }
        throw problem;
    }

    private static ProviderKind pathProvider(String provider) {
        return AiKeys.provider(provider).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such provider."));
    }

    private static String redirect(OrganizationId organization, String done) {
        return "redirect:/organizations/" + organization.value() + "/ai/keys?done=" + done;
    }
}
