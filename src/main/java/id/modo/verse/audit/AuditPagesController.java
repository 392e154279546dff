package id.modo.verse.audit;

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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;

/** An organization's audit log as a page, for its owners and admins. */
@Controller
class AuditPagesController {

    private final AuditLog auditLog;
    private final Organizations organizations;
    private final ZoneId zone;

    AuditPagesController(AuditLog auditLog, Organizations organizations, ModoProperties properties) {
        this.auditLog = auditLog;
        this.organizations = organizations;
        // The zone the pages show times in (see Ui), so a date picked on the page means that day there.
        this.zone = properties.web().defaultTimeZone();
    }

    /**
     * The filter form: days in the viewer's zone ({@code from} and {@code to} both included), an actor from the list, and an
     * action and entity type held to the same {@link AuditWord} rule as the API's parameters.
     */
    record FilterForm(@AuditWord(max = 100) String action, @AuditWord(max = 50) String entityType,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            UUID actor) {
    }

    private static final Map<String, String> FILTER_ERRORS = Map.of("action", "audit.error.action", "entity_type", "audit.error.entity_type",
            "from", "audit.error.date", "to", "audit.error.date", "actor", "audit.error.actor");

    @GetMapping("/organizations/{orgId}/audit")
    String auditLog(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @Valid FilterForm filter, BindingResult binding, @RequestParam(defaultValue = "") String cursor,
            HttpServletResponse response, Model model) {
        organizations.require(caller.id(), organization, Permission.VIEW_AUDIT_LOG);
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);
        // The actor filter offers the first hundred members; a large organization's log is still
        // filtered by anyone through the API's `actor` parameter.
        List<AuditPageModels.Person> people = organizations.members(caller.id(), organization, null, Keyset.MAX_LIMIT).items().stream()
                .map(member -> new AuditPageModels.Person(member.userId().value().toString(),
                        member.name() == null || member.name().isBlank() ? member.email() : member.name()))
                .toList();

        AuditPageModels.Form form = new AuditPageModels.Form(FormErrors.typed(binding, "action", filter.action()),
                FormErrors.typed(binding, "entity_type", filter.entityType()), FormErrors.typed(binding, "from", filter.from()), FormErrors.typed(binding, "to", filter.to()),
                FormErrors.typed(binding, "actor", filter.actor()));
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, FILTER_ERRORS, "form.error.generic"));
        Instant fromTime = errors.containsKey("from") || filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        // The "to" day is included.
        Instant toTime = errors.containsKey("to") || filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.put("to", "audit.error.range");
        }
        UUID actorId = errors.containsKey("actor") ? null : filter.actor();

        List<AuditLog.Entry> entries = List.of();
        String nextUrl = null;
        if (errors.isEmpty()) {
            try {
                Page<AuditLog.Entry> page = auditLog.search(new AuditLog.Filter(organization.value(), actorId, form.action(), form.entityType(),
                        fromTime, toTime), cursor, Keyset.DEFAULT_LIMIT);
                entries = page.items();
                nextUrl = page.nextCursor() == null ? null : ListFilters.nextUrl("/organizations/{org}/audit", organization.value(), filters(form), page.nextCursor());
            } catch (ProblemException e) {
                errors.put("cursor", "audit.error.cursor");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("page", new AuditPageModels.AuditLogPage(organization.toString(), view.name(), form, people,
                auditLog.actionsOf(organization.value()), errors,
                entries, nextUrl, cursor.isBlank()));
        return "audit/audit";
    }

    private static Map<String, String> filters(AuditPageModels.Form form) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("action", form.action());
        filters.put("entity_type", form.entityType());
        filters.put("from", form.from());
        filters.put("to", form.to());
        filters.put("actor", form.actor());
        return filters;
    }
}
