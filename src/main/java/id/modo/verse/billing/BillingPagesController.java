package id.modo.verse.billing;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pricing page, an organization's billing page, and the platform admins' plans page. */
@Controller
class BillingPagesController {

    private static final Set<String> NOTICES = Set.of("trial_started", "scheduled", "canceled", "unchanged", "cancel", "resume", "paid", "pause",
            "unpause");

    private final Plans plans;
    private final Subscriptions subscriptions;
    private final Invoices invoices;
    private final Organizations organizations;
    private final InvoicePdf pdf;
    private final BillingProperties properties;
    private final ModoProperties modo;
    private final java.time.Clock clock;

    BillingPagesController(Plans plans, Subscriptions subscriptions, Invoices invoices, Organizations organizations, InvoicePdf pdf,
            BillingProperties properties, ModoProperties modo, java.time.Clock clock) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.organizations = organizations;
        this.pdf = pdf;
        this.properties = properties;
        this.modo = modo;
        this.clock = clock;
    }

    @GetMapping("/pricing")
    String pricing(Model model) {
        model.addAttribute("page", new BillingPageModels.PricingPage(plans.all().stream().filter(Plan::active).toList(), properties.trialDays(),
                taxPercent()));
        return "billing/pricing";
    }

    @GetMapping("/organizations/{orgId}/billing")
    String billing(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @RequestParam(required = false) String notice,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String payment, Model model) {
        if ("failed".equals(payment)) {
            return render(caller, orgId, null, "billing.error.payment_failed", cursor, model);
        }
        return render(caller, orgId, notice != null && NOTICES.contains(notice) ? notice : null, null, cursor, model);
    }

    @PostMapping("/organizations/{orgId}/billing/plan")
    String changePlan(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @RequestParam(defaultValue = "") String plan,
            @RequestParam(name = "billing_cycle", defaultValue = "") String cycle, HttpServletResponse response, Model model) {
        try {
            Subscriptions.ChangeResult result = subscriptions.change(caller.id(), orgId, plan, cycle);
            if (result.checkout() != null) {
                return "redirect:" + result.checkout().redirectUrl();
            }
            return "redirect:/organizations/" + orgId + "/billing?notice=" + result.outcome();
        } catch (ProblemException e) {
            return problem(caller, orgId, e, response, model);
        }
    }

    @PostMapping("/organizations/{orgId}/billing/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, HttpServletResponse response, Model model) {
        return move(caller, orgId, "cancel", subscriptions::cancel, response, model);
    }

    @PostMapping("/organizations/{orgId}/billing/resume")
    String resume(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, HttpServletResponse response, Model model) {
        return move(caller, orgId, "resume", subscriptions::resume, response, model);
    }

    @PostMapping("/organizations/{orgId}/billing/pause")
    String pause(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, HttpServletResponse response, Model model) {
        return move(caller, orgId, "pause", subscriptions::pause, response, model);
    }

    @PostMapping("/organizations/{orgId}/billing/unpause")
    String unpause(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, HttpServletResponse response, Model model) {
        return move(caller, orgId, "unpause", subscriptions::unpause, response, model);
    }

    /** A button's move; back to the page with its notice, or the page again with the problem. */
    private String move(CurrentUser caller, OrganizationId orgId, String notice,
            BiFunction<UserId, OrganizationId, Subscriptions.SubscriptionView> move,
            HttpServletResponse response, Model model) {
        try {
            move.apply(caller.id(), orgId);
            return "redirect:/organizations/" + orgId + "/billing?notice=" + notice;
        } catch (ProblemException e) {
            return problem(caller, orgId, e, response, model);
        }
    }

    /** The invoice PDF for the billing page's download links (the session cookie; the API takes bearer tokens). */
    @GetMapping("/organizations/{orgId}/billing/invoices/{id}.pdf")
    ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UUID id) {
        Invoices.Invoice invoice = invoices.get(caller.id(), id);
        if (!invoice.organizationId().equals(orgId)) {
            throw Invoices.notFound();
        }
        return BillingApiController.pdfResponse(invoice,
                pdf.render(invoice, LocaleContextHolder.getLocale(), caller.timeZone().orElse(modo.web().defaultTimeZone())));
    }

    private String problem(CurrentUser caller, OrganizationId orgId, ProblemException e, HttpServletResponse response, Model model) {
        if (e.type() == ProblemType.NOT_FOUND || e.type() == ProblemType.FORBIDDEN) {
            throw e;
        }
        response.setStatus(e.type().status().value());
        String key = switch (e.type().slug()) {
            case "subscription-transition" -> "billing.error.transition";
            case "unknown-plan", "validation-failed" -> "billing.error.plan";
            case "plan-not-available" -> "billing.error.not_available";
            case "change-in-progress", "concurrent-change" -> "billing.error.in_progress";
            default -> "billing.error.payment";
        };
        return render(caller, orgId, null, key, null, model);
    }

    private String render(CurrentUser caller, OrganizationId organization, String notice, String error, String cursor, Model model) {
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);
        Subscriptions.SubscriptionView subscription = subscriptions.get(caller.id(), organization);
        Page<Invoices.Invoice> page = invoices.list(caller.id(), organization, cursor, Keyset.DEFAULT_LIMIT);
        model.addAttribute("page", new BillingPageModels.BillingPage(view, subscription, plans.find(subscription.plan()).orElseGet(plans::free),
                plans.all().stream().filter(Plan::purchasable).toList(), page.items(), page.nextCursor(),
                view.myRole().can(Permission.MANAGE_BILLING), notice, error, taxPercent(), paidFrom(subscription)));
        return "billing/billing";
    }

    /** A plan paid during its trial is active with a period that has not started yet. */
    private java.time.Instant paidFrom(Subscriptions.SubscriptionView subscription) {
        return subscription.status().dbValue().equals("active") && subscription.currentPeriodStart() != null
                && subscription.currentPeriodStart().isAfter(clock.instant()) ? subscription.currentPeriodStart() : null;
    }

    @GetMapping("/admin/plans")
    String adminPlans(@RequestParam(required = false) String saved, Model model) {
        model.addAttribute("page", new BillingPageModels.AdminPlansPage(plans.all(), saved, null, java.util.List.of()));
        return "billing/admin-plans";
    }

    @PostMapping("/admin/plans/{key}")
    String updatePlan(@AuthenticationPrincipal CurrentUser caller, @PathVariable String key, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "monthly_price", defaultValue = "") String monthlyPrice,
            @RequestParam(name = "yearly_price", defaultValue = "") String yearlyPrice,
            @RequestParam(name = "monthly_credits", defaultValue = "") String monthlyCredits,
            @RequestParam(name = "rollover_cap", defaultValue = "") String rolloverCap,
            @RequestParam(name = "storage_limit_gb", defaultValue = "") String storageGb,
            @RequestParam(name = "project_limit", defaultValue = "") String projectLimit,
            @RequestParam(name = "member_limit", defaultValue = "") String memberLimit,
            @RequestParam(name = "byok_allowed", defaultValue = "false") boolean byokAllowed,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(name = "sort_order", defaultValue = "") String sortOrder,
            @RequestParam(name = "ai_concurrency", defaultValue = "") String aiConcurrency, HttpServletResponse response, Model model) {
        try {
            Long storage = storageGb.isBlank() ? null : new BigDecimal(storageGb.strip()).multiply(BigDecimal.valueOf(1L << 30)).longValueExact();
            plans.update(caller.id(), key, new Plans.PlanChange(name, monthlyPrice, yearlyPrice, integer(monthlyCredits), integer(rolloverCap),
                    storage, integer(projectLimit), integer(memberLimit), byokAllowed, active, integer(sortOrder),
                    integer(aiConcurrency)));
            return "redirect:/admin/plans?saved=" + key;
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw e;
            }
            response.setStatus(400);
            @SuppressWarnings("unchecked")
            var errors = (java.util.List<id.modo.verse.common.FieldError>) e.properties().getOrDefault("errors", java.util.List.of());
            model.addAttribute("page", new BillingPageModels.AdminPlansPage(plans.all(), null, key,
                    errors.stream().map(id.modo.verse.common.FieldError::field).toList()));
            return "billing/admin-plans";
        } catch (NumberFormatException | ArithmeticException e) {
            response.setStatus(400);
            model.addAttribute("page", new BillingPageModels.AdminPlansPage(plans.all(), null, key, java.util.List.of("storage_limit_bytes")));
            return "billing/admin-plans";
        }
    }

    /** A whole number from a form, blank for "unlimited"/missing; not a number becomes -1, which the validation refuses. */
    private static Integer integer(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String taxPercent() {
        return properties.taxRate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }
}
