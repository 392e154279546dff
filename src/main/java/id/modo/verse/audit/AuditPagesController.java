package id.modo.verse.audit;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

    @GetMapping("/organizations/{orgId}/audit")
    String auditLog(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @RequestParam(defaultValue = "") String action, @RequestParam(name = "entity_type", defaultValue = "") String entityType,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String cursor,
            HttpServletResponse response, Model model) {
        organizations.require(caller.id(), organization, Permission.VIEW_AUDIT_LOG);
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);
        // The actor filter offers the first hundred members; a large organization's log is still
        // filtered by anyone through the API's `actor` parameter.
        List<AuditPageModels.Person> people = organizations.members(caller.id(), organization, null, Keyset.MAX_LIMIT).items().stream()
                .map(member -> new AuditPageModels.Person(member.userId().value().toString(),
                        member.name() == null || member.name().isBlank() ? member.email() : member.name()))
                .toList();

        AuditPageModels.Form form = new AuditPageModels.Form(action.strip(), entityType.strip(), from.strip(), to.strip(), actor.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        Instant fromTime = ListFilters.day(form.from(), zone, "from", "audit.error.date", errors);
        Instant toTime = ListFilters.day(form.to(), zone, "to", "audit.error.date", errors);
        if (toTime != null) {
            toTime = toTime.atZone(zone).plusDays(1).toInstant(); // the "to" day is included
        }
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.put("to", "audit.error.range");
        }
        UUID actorId = null;
        if (!form.actor().isEmpty()) {
            actorId = ListFilters.pathId(form.actor());
            if (actorId == null) {
                errors.put("actor", "audit.error.actor");
            }
        }
        if (form.action().length() > 100) {
            errors.put("action", "audit.error.too_long");
        }
        if (form.entityType().length() > 50) {
            errors.put("entity_type", "audit.error.too_long");
        }

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
        model.addAttribute("page", new AuditPageModels.AuditLogPage(organization.toString(), view.name(), form, people, errors,
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
