package id.modo.verse.ai;

import id.modo.verse.ai.AiAdminPageModels.Outcome;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.billing.Plan;
import id.modo.verse.billing.Plans;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The AI gateway's admin pages (platform admins): models and prices, platform keys, usage and cost. Each action goes
 * through the same services, checks and audit as the admin API.
 */
@Controller
class AiAdminPagesController {

    private static final Set<String> NOTICES = Set.of("created", "saved", "enabled", "disabled", "default", "moved", "prices", "key_saved",
            "key_removed");

    private final CatalogueAdmin catalogue;
    private final PlatformKeyAdmin keys;
    private final PlatformUsage usage;
    private final Plans plans;
    private final boolean privateAddressesAllowed;

    AiAdminPagesController(CatalogueAdmin catalogue, PlatformKeyAdmin keys, PlatformUsage usage, Plans plans,
            @Value("${modo.outgoing.allow-private-addresses:false}") boolean privateAddressesAllowed) {
        this.catalogue = catalogue;
        this.keys = keys;
        this.usage = usage;
        this.plans = plans;
        this.privateAddressesAllowed = privateAddressesAllowed;
    }

    @GetMapping("/admin/ai")
    String models(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) String notice, Model model) {
        requireAdmin(caller);
        return modelsPage(model, notice(notice), Map.of());
    }

    @PostMapping("/admin/ai/models")
    String create(@AuthenticationPrincipal CurrentUser caller, @RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
            Model model) {
        requireAdmin(caller);
        try {
            catalogue.create(caller.id(), first(form, "provider"), first(form, "kind"), change(form));
            return "redirect:/admin/ai?notice=created#models";
        } catch (ProblemException e) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : List.of("provider", "kind", "model", "credits_in", "credits_out", "usd_in", "usd_out", "usd_image",
                    "video_seconds", "credits_second", "usd_second")) {
                values.put(field, first(form, field));
            }
            return modelsPage(model, failed(e, response), values);
        }
    }

    @GetMapping("/admin/ai/models/{id}")
    String edit(@AuthenticationPrincipal CurrentUser caller, @PathVariable String id, Model model) {
        requireAdmin(caller);
        return modelPage(model, catalogue.model(pathId(id)), Outcome.NONE);
    }

    @PostMapping("/admin/ai/models/{id}")
    String update(@AuthenticationPrincipal CurrentUser caller, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        requireAdmin(caller);
        UUID modelId = pathId(id);
        try {
            catalogue.update(caller.id(), modelId, change(form));
            return "redirect:/admin/ai?notice=saved#models";
        } catch (ProblemException e) {
            Outcome outcome = failed(e, response);
            return modelPage(model, catalogue.model(modelId), outcome);
        }
    }

    @PostMapping("/admin/ai/models/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal CurrentUser caller, @PathVariable String id, @RequestParam(defaultValue = "") String enabled,
            HttpServletResponse response, Model model) {
        requireAdmin(caller);
        UUID modelId = pathId(id);
        try {
            boolean on = "true".equals(enabled);
            catalogue.setEnabled(caller.id(), modelId, on);
            return "redirect:/admin/ai?notice=" + (on ? "enabled" : "disabled") + "#models";
        } catch (ProblemException e) {
            return modelsPage(model, failed(e, response), Map.of());
        }
    }

    @PostMapping("/admin/ai/models/{id}/default")
    String makeDefault(@AuthenticationPrincipal CurrentUser caller, @PathVariable String id, HttpServletResponse response, Model model) {
        requireAdmin(caller);
        UUID modelId = pathId(id);
        try {
            catalogue.makeDefault(caller.id(), modelId);
            return "redirect:/admin/ai?notice=default#models";
        } catch (ProblemException e) {
            return modelsPage(model, failed(e, response), Map.of());
        }
    }

    @PostMapping("/admin/ai/models/{id}/move")
    String move(@AuthenticationPrincipal CurrentUser caller, @PathVariable String id, @RequestParam(defaultValue = "") String direction,
            HttpServletResponse response, Model model) {
        requireAdmin(caller);
        UUID modelId = pathId(id);
        if (!direction.equals("up") && !direction.equals("down")) {
            response.setStatus(400);
            return modelsPage(model, new Outcome(null, "ai.admin.error.validation", List.of("direction")), Map.of());
        }
        catalogue.move(caller.id(), modelId, direction.equals("up"));
        return "redirect:/admin/ai?notice=moved#models";
    }

    @PostMapping("/admin/ai/prices")
    String prices(@AuthenticationPrincipal CurrentUser caller, @RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
            Model model) {
        requireAdmin(caller);
        Map<String, Integer> prices = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (GenerationType type : GenerationType.values()) {
            String value = first(form, "price_" + type.key());
            try {
                prices.put(type.key(), Integer.valueOf(value.strip()));
            } catch (NumberFormatException e) {
                unreadable.add(type.key());
            }
        }
        try {
            if (!unreadable.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                        Map.of("errors", unreadable.stream().map(field -> new FieldError(field, "must be a whole number")).toList()));
            }
            catalogue.setPrices(caller.id(), prices);
            return "redirect:/admin/ai?notice=prices#prices";
        } catch (ProblemException e) {
            return modelsPage(model, failed(e, response), Map.of());
        }
    }

    @GetMapping("/admin/ai/keys")
    String keys(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) String notice, Model model) {
        requireAdmin(caller);
        return keysPage(model, notice(notice), null);
    }

    @PostMapping("/admin/ai/keys/{provider}")
    String setKey(@AuthenticationPrincipal CurrentUser caller, @PathVariable String provider, @RequestParam(name = "api_key", defaultValue = "") String apiKey,
            @RequestParam(name = "base_url", defaultValue = "") String baseUrl, @RequestParam(defaultValue = "") String model,
            HttpServletResponse response, Model page) {
        requireAdmin(caller);
        ProviderKind kind = PlatformKeyAdmin.provider(provider);
        try {
            keys.set(caller.id(), kind.key(), apiKey, baseUrl, model);
            return "redirect:/admin/ai/keys?notice=key_saved";
        } catch (ProblemException e) {
            return keysPage(page, failed(e, response), kind.key());
        }
    }

    @PostMapping("/admin/ai/keys/{provider}/remove")
    String removeKey(@AuthenticationPrincipal CurrentUser caller, @PathVariable String provider) {
        requireAdmin(caller);
        keys.remove(caller.id(), provider);
        return "redirect:/admin/ai/keys?notice=key_removed";
    }

    @GetMapping("/admin/ai/usage")
    String usage(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            HttpServletResponse response, Model model) {
        requireAdmin(caller);
        PlatformUsage.Range range;
        try {
            range = usage.range(from, to);
        } catch (ProblemException e) {
            model.addAttribute("page", new AiAdminPageModels.UsagePage(from, to, usage.zone().getId(), null, null, null, List.of(), List.of(),
                    failed(e, response)));
            return "ai/admin-usage";
        }
        List<PlatformUsage.Day> days = usage.perDay(range);
        var credits = AiAdminPageModels.Chart.of(days, day -> java.math.BigDecimal.valueOf(day.sums().credits()), day -> day.day().toString(),
                amount -> amount.toPlainString());
        var cost = AiAdminPageModels.Chart.of(days, day -> day.sums().costUsd(), day -> day.day().toString(), AiAdminPageModels::usd);
        List<AiAdminPageModels.UsageRow> models = usage.perModel(range).stream()
                .map(row -> AiAdminPageModels.UsageRow.of(row.provider(), row.model(), row.sums())).toList();
        List<AiAdminPageModels.UsageRow> organizations = usage.topOrganizations(range, 10).stream()
                .map(row -> AiAdminPageModels.UsageRow.of(row.name(), row.organizationId().toString(), row.sums())).toList();
        model.addAttribute("page", new AiAdminPageModels.UsagePage(range.from().toString(), range.to().toString(), usage.zone().getId(),
                AiAdminPageModels.UsageRow.of(null, null, usage.totals(range)), credits, cost, models, organizations, Outcome.NONE));
        return "ai/admin-usage";
    }

    private String modelsPage(Model model, Outcome outcome, Map<String, String> form) {
        List<AdminModel> all = catalogue.models();
        List<AiAdminPageModels.ModelRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            AdminModel row = all.get(i);
            boolean up = i > 0 && all.get(i - 1).kind() == row.kind();
            boolean down = i < all.size() - 1 && all.get(i + 1).kind() == row.kind();
            rows.add(new AiAdminPageModels.ModelRow(row, up, down));
        }
        List<AiAdminPageModels.PriceRow> prices = catalogue.prices().stream()
                .map(price -> new AiAdminPageModels.PriceRow(price.type().key(), price.type().kind().key(), price.credits())).toList();
        model.addAttribute("page", new AiAdminPageModels.ModelsPage(rows, prices, planKeys(),
                Arrays.stream(ProviderKind.values()).map(ProviderKind::key).toList(), outcome, form));
        return "ai/admin-models";
    }

    private String modelPage(Model model, AdminModel row, Outcome outcome) {
        model.addAttribute("page", new AiAdminPageModels.ModelPage(new AiAdminPageModels.ModelRow(row, false, false), planKeys(), outcome));
        return "ai/admin-model";
    }

    private String keysPage(Model model, Outcome outcome, String errorProvider) {
        List<AiAdminPageModels.KeyRow> rows = keys.keys().stream().map(view -> new AiAdminPageModels.KeyRow(view.provider().key(),
                view.source().name().toLowerCase(Locale.ROOT), view.keyLastFour(), view.baseUrl(), view.model(), view.updatedAt(),
                view.storedButUnused())).toList();
        model.addAttribute("page", new AiAdminPageModels.KeysPage(rows, outcome, errorProvider, privateAddressesAllowed));
        return "ai/admin-keys";
    }

    private List<String> planKeys() {
        return plans.all().stream().map(Plan::key).toList();
    }

    private static CatalogueAdmin.ModelChange change(MultiValueMap<String, String> form) {
        List<String> chosen = form.getOrDefault("plans", List.of());
        return new CatalogueAdmin.ModelChange(first(form, "model"), first(form, "credits_in"), first(form, "credits_out"), first(form, "usd_in"),
                first(form, "usd_out"), first(form, "usd_image"), chosen.isEmpty() ? null : chosen, "true".equals(first(form, "enabled")),
                new CatalogueAdmin.VideoChange(first(form, "video_seconds"), first(form, "credits_second"), first(form, "usd_second")));
    }

    private static String first(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }

    private static Outcome notice(String notice) {
        return notice != null && NOTICES.contains(notice) ? new Outcome("ai.admin.notice." + notice, null, List.of()) : Outcome.NONE;
    }

    /** The page's answer to a refused change: the problem's status and a message naming the fields; 404 stays the 404 page. */
    @SuppressWarnings("unchecked")
    private static Outcome failed(ProblemException e, HttpServletResponse response) {
        if (e.type() == ProblemType.NOT_FOUND) {
            throw e;
        }
        response.setStatus(e.type().status().value());
        List<FieldError> errors = (List<FieldError>) e.properties().getOrDefault("errors", List.of());
        String key = e.type() == ProblemType.VALIDATION ? "ai.admin.error.validation" : "ai.admin.error." + e.type().slug();
        return new Outcome(null, key, errors.stream().map(FieldError::field).distinct().toList());
    }

    private static UUID pathId(String id) {
        UUID value = ListFilters.pathId(id);
        if (value == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such model in the catalogue.");
        }
        return value;
    }

    private static void requireAdmin(CurrentUser caller) {
        if (caller == null || !caller.isPlatformAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform admins may manage the AI gateway.");
        }
    }
}
