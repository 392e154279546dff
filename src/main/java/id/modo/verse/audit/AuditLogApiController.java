package id.modo.verse.audit;

import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Audit log", description = "Who changed what: an organization's log for its owners and admins, everything for platform admins")
@RestController
class AuditLogApiController {

    private final AuditLog auditLog;
    private final Organizations organizations;

    AuditLogApiController(AuditLog auditLog, Organizations organizations) {
        this.auditLog = auditLog;
        this.organizations = organizations;
    }

    record EntryResponse(UUID id, Instant createdAt, UUID organizationId, UUID actorId, String actorName, String action,
            String entityType, UUID entityId, JsonNode oldValues, JsonNode newValues, String ipAddress, String userAgent,
            JsonNode metadata) {
        static EntryResponse of(AuditLog.Entry entry) {
            return new EntryResponse(entry.id(), entry.createdAt(), entry.organizationId(), entry.actorId(), entry.actorName(),
                    entry.action(), entry.entityType(), entry.entityId(), entry.oldValues(), entry.newValues(), entry.ipAddress(),
                    entry.userAgent(), entry.metadata());
        }
    }

    @Operation(summary = "An organization's audit log, newest first", description = """
            For the organization's owners and admins. Filters combine; `from` is inclusive, `to` exclusive. `action` and \
            `entity_type` are lower-case words with underscores (anything else is 400, as it could match nothing). \
            Pass `next_cursor` back as `cursor` for the next page; it is null on the last page.""")
    @GetMapping("/api/v1/organizations/{orgId}/audit-logs")
    Page<EntryResponse> organizationLog(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "only entries by this user") @RequestParam(required = false) UUID actor,
            @Parameter(description = "e.g. update, member_add") @RequestParam(required = false) @AuditWord(max = 100) String action,
            @Parameter(description = "e.g. organization, user, invitation") @RequestParam(name = "entity_type", required = false)
            @AuditWord(max = 50) String entityType,
            @Parameter(description = "ISO-8601 date-time with offset, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        organizations.require(caller.id(), orgId, Permission.VIEW_AUDIT_LOG);
        AuditLog.Filter filter = new AuditLog.Filter(orgId.value(), actor, action, entityType, ListFilters.apiTime(from, "from"), ListFilters.apiTime(to, "to"));
        return auditLog.search(filter, cursor, limit).map(EntryResponse::of);
    }

    @Operation(summary = "The whole platform's audit log, newest first", description = "For platform admins; `organization` narrows it to one organization.")
    @GetMapping("/api/v1/admin/audit-logs")
    Page<EntryResponse> platformLog(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(required = false) UUID organization,
            @RequestParam(required = false) UUID actor,
            @RequestParam(required = false) @AuditWord(max = 100) String action,
            @RequestParam(name = "entity_type", required = false) @AuditWord(max = 50) String entityType,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        // The security rules already keep others out of /api/v1/admin/**; this holds if they ever change.
        if (caller == null || !caller.isPlatformAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform admins may read the whole audit log.");
        }
        AuditLog.Filter filter = new AuditLog.Filter(organization, actor, action, entityType, ListFilters.apiTime(from, "from"), ListFilters.apiTime(to, "to"));
        return auditLog.search(filter, cursor, limit).map(EntryResponse::of);
    }
}
