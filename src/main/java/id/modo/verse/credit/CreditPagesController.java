package id.modo.verse.credit;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.FormErrors;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.payment.Checkout;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The credits page of an organization (any member) and the admin page for manual adjustments (platform admins). */
@Controller
class CreditPagesController {

    static final List<String> TYPES = Arrays.stream(CreditTransactionType.values()).map(CreditTransactionType::dbValue).toList();
    static final List<String> BUCKETS = Arrays.stream(CreditBucket.values()).map(CreditBucket::dbValue).toList();

    private final CreditLedger ledger;
    private final CreditStatement statement;
    private final Organizations organizations;
    private final CreditProperties properties;
    private final CreditPurchases purchases;
    private final ZoneId zone;

    /** The message each field shows when its rule in {@link CreditApiController.AdjustmentRequest} refuses it. */
    private static final Map<String, String> ADJUSTMENT_ERRORS = Map.of(
            "bucket", "credits.error.choice",
            "amount", "admin.credits.error.amount",
            "reason", "admin.credits.error.reason");

    CreditPagesController(CreditLedger ledger, CreditStatement statement, Organizations organizations, CreditProperties properties,
            CreditPurchases purchases, ModoProperties modo) {
        this.ledger = ledger;
        this.statement = statement;
        this.purchases = purchases;
        this.organizations = organizations;
        this.properties = properties;
        // The zone pages show times in (see Ui), so a date picked on the page means that day there.
        this.zone = modo.web().defaultTimeZone();
    }

    /** The statement's filter form: the API's type and bucket words, days in the viewer's zone (both included). */
    record StatementFilter(CreditApiController.TypeName type, CreditApiController.BucketName bucket,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    private static final Map<String, String> STATEMENT_ERRORS = Map.of("type", "credits.error.choice", "bucket", "credits.error.choice",
            "from", "credits.error.date", "to", "credits.error.date");

    @GetMapping("/organizations/{orgId}/credits")
    String credits(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @Valid StatementFilter filter, BindingResult binding, @RequestParam(defaultValue = "") String cursor,
            HttpServletResponse response, Model model) {
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);

        CreditPageModels.Form form = new CreditPageModels.Form(FormErrors.typed(binding, "type", filter.type()),
                FormErrors.typed(binding, "bucket", filter.bucket()), FormErrors.typed(binding, "from", filter.from()),
                FormErrors.typed(binding, "to", filter.to()));
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, STATEMENT_ERRORS, "form.error.generic"));
        Instant fromTime = errors.containsKey("from") || filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        // The "to" day is included.
        Instant toTime = errors.containsKey("to") || filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.put("to", "credits.error.range");
        }

        CreditLedger.Balances balances = ledger.balances(organization);
        List<CreditStatement.Transaction> rows = List.of();
        String nextUrl = null;
        if (errors.isEmpty()) {
            CreditStatement.Filter chosen = new CreditStatement.Filter(
                    filter.type() == null ? null : CreditTransactionType.valueOf(filter.type().name().toUpperCase(Locale.ROOT)),
                    filter.bucket() == null ? null : CreditBucket.valueOf(filter.bucket().name().toUpperCase(Locale.ROOT)), fromTime, toTime);
            try {
                Page<CreditStatement.Transaction> page = statement.transactions(organization, chosen, cursor, Keyset.DEFAULT_LIMIT);
                rows = page.items();
                nextUrl = page.nextCursor() == null ? null : ListFilters.nextUrl("/organizations/{org}/credits", organization.value(), filters(form), page.nextCursor());
            } catch (ProblemException e) {
                errors.put("cursor", "credits.error.cursor");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        List<CreditPageModels.Pack> packs = properties.packs().stream()
                .map(pack -> new CreditPageModels.Pack(pack.key(), pack.credits(), BigDecimal.valueOf(pack.priceIdr())))
                .toList();
        model.addAttribute("page", new CreditPageModels.CreditsPage(organization.toString(), view.name(), balances,
                CreditPageModels.segments(balances), form, TYPES, BUCKETS, errors, rows, nextUrl, cursor.isBlank(), packs,
                view.myRole().can(Permission.MANAGE_BILLING)));
        return "credit/credits";
    }

    /** Sends the buyer to the payment's checkout; the credits come with the gateway's confirmation. */
    @PostMapping("/organizations/{orgId}/credits/purchases")
    String purchase(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @RequestParam(defaultValue = "") String pack) {
        Checkout checkout = purchases.buy(caller, organization, pack, "/organizations/" + organization + "/credits");
        return "redirect:" + checkout.redirectUrl();
    }

    @GetMapping("/admin/credits")
    String adminCredits(@RequestParam(defaultValue = "") String org, @RequestParam(defaultValue = "") String done,
            HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        CreditLedger.Balances balances = null;
        if (!org.isBlank()) {
            balances = lookUp(org, errors);
            if (balances == null) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
        }
        model.addAttribute("page", new CreditPageModels.AdminCreditsPage(org.strip(), balances, BUCKETS,
                Map.of("bucket", "bonus", "amount", "", "reason", ""), errors, "adjusted".equals(done) ? "admin.credits.done" : null));
        return "credit/admin-credits";
    }

    @PostMapping("/admin/credits/adjustments")
    String adjust(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String org,
            @Valid CreditApiController.AdjustmentRequest form, BindingResult binding, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        CreditLedger.Balances balances = lookUp(org, errors);
        errors.putAll(FormErrors.keys(binding, ADJUSTMENT_ERRORS, "form.error.generic"));
        // Beyond the request's own rules: the page refuses an adjustment of nothing, and one past the ledger's limit, up front.
        if (form.amount() != null && (form.amount() == 0 || Math.abs((long) form.amount()) > CreditLedger.MAX_AMOUNT)) {
            errors.putIfAbsent("amount", "admin.credits.error.amount");
        }
        if (errors.isEmpty()) {
            try {
                ledger.adjust(balances.organizationId(), admin.id(), CreditBucket.valueOf(form.bucket().name().toUpperCase(Locale.ROOT)),
                        form.amount(), form.reason());
                return "redirect:" + UriComponentsBuilder.fromPath("/admin/credits").queryParam("org", balances.organizationId())
                        .queryParam("done", "adjusted").build().toUriString();
            } catch (ProblemException e) {
                errors.put("amount", e.type().equals(CreditProblems.CREDIT_LIMIT_EXCEEDED) ? "admin.credits.error.limit" : "admin.credits.error.exceeds");
            }
        }
        response.setStatus(errors.containsKey("org") ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("page", new CreditPageModels.AdminCreditsPage(org.strip(), balances, BUCKETS,
                Map.of("bucket", posted(binding, "bucket", form.bucket()), "amount", posted(binding, "amount", form.amount()),
                        "reason", posted(binding, "reason", form.reason())), errors, null));
        return "credit/admin-credits";
    }

    /** What was typed into a field, also when it did not convert (letters for the amount), to show it again. */
    private static String posted(BindingResult binding, String field, Object bound) {
        org.springframework.validation.FieldError error = binding.getFieldError(field);
        Object value = error != null && error.isBindingFailure() ? error.getRejectedValue() : bound;
        return value == null ? "" : value instanceof Enum<?> name ? name.name() : value.toString();
    }

    private CreditLedger.Balances lookUp(String org, Map<String, String> errors) {
        UUID id = ListFilters.pathId(org);
        if (id == null) {
            errors.put("org", "admin.credits.error.org");
            return null;
        }
        try {
            return ledger.balances(OrganizationId.of(id));
        } catch (ProblemException e) {
            errors.put("org", "admin.credits.error.org");
            return null;
        }
    }

    private static Map<String, String> filters(CreditPageModels.Form form) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("type", form.type());
        filters.put("bucket", form.bucket());
        filters.put("from", form.from());
        filters.put("to", form.to());
        return filters;
    }
}
