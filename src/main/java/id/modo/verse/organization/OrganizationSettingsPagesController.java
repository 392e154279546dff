package id.modo.verse.organization;

import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.PlanLimitNotice;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.FormErrors;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An organization's page: its profile, members and roles, invitations and the danger zone. Every
 * form first checks the caller's permission, so outsiders (and unknown ids) get the 404 page and
 * members without the permission the 403 page; a refused change is shown on the page again with
 * the reason and its status (400, 403, 404 or 409).
 */
@Controller
@RequestMapping("/organizations/{orgId}")
class OrganizationSettingsPagesController {

    /** The message each profile field shows when its constraint in {@link OrganizationApiController.UpdateRequest} refuses it. */
    private static final Map<String, String> PROFILE_ERRORS = Map.of(
            "name", "organization.error.name",
            "description", "organization.error.description",
            "website", "organization.error.website",
            "billing_email", "organization.error.billing_email");
    private static final Set<String> SAVED = Set.of("profile", "role", "removed", "transferred", "invited", "resent", "revoked");
    private static final String PAGE = "organization/organization";
    /** Members and invitations shown at once; the rest are behind a "more" link. */
    static final int LIST_SIZE = 50;

    private final Organizations organizations;
    private final Invitations invitations;

    OrganizationSettingsPagesController(Organizations organizations, Invitations invitations) {
        this.organizations = organizations;
        this.invitations = invitations;
    }

    /**
     * The page shows one page of members and one of invitations, so it stays as quick for an
     * organization of thousands; {@code members} and {@code invitations} are the cursors of the pages
     * to show (from the "more" links). A cursor the lists did not hand out shows the first page.
     */
    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, @RequestParam(required = false) String saved,
            @RequestParam(name = "members", defaultValue = "") String membersCursor,
            @RequestParam(name = "invitations", defaultValue = "") String invitationsCursor, Model model) {
        model.addAttribute("page", page(caller, id, Map.of(), Map.of(), saved != null && SAVED.contains(saved) ? saved : null,
                new Cursors(cursor(membersCursor), cursor(invitationsCursor))));
        return PAGE;
    }

    @PostMapping("/profile")
    String profile(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id,
            @Valid OrganizationApiController.UpdateRequest change, BindingResult binding, HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.MANAGE_SETTINGS);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", orEmpty(change.name()));
        form.put("description", orEmpty(change.description()));
        form.put("website", orEmpty(change.website()));
        form.put("billing_email", orEmpty(change.billingEmail()));
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, PROFILE_ERRORS, "form.error.generic"));
        if (FormErrors.tooLong(binding, "name")) {
            errors.put("name", "organization.error.name_long");
        }
        if (!errors.isEmpty()) {
            return again(caller, id, form, errors, HttpStatus.BAD_REQUEST, response, model);
        }
        try {
            // The logo has no field in this form; null leaves it as it is.
            organizations.update(caller.id(), id, new OrganizationChange(change.name(), change.description(), change.website(), null,
                    change.billingEmail()));
            return saved(id, "profile");
        } catch (ProblemException e) {
            return again(caller, id, form, Map.of("profile", "form.error.generic"), e, response, model);
        }
    }

    @PostMapping("/members/{userId}/role")
    String changeRole(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, @PathVariable UserId userId,
            @Valid OrganizationApiController.RoleRequest change, BindingResult binding, HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.MANAGE_MEMBERS);
        if (binding.hasErrors()) {
            return again(caller, id, Map.of(), Map.of("members", "organization.error.role"), HttpStatus.BAD_REQUEST, response, model);
        }
        try {
            organizations.changeRole(caller.id(), id, userId, Role.fromDb(change.role().name()));
            return saved(id, "role");
        } catch (ProblemException e) {
            return again(caller, id, Map.of(), Map.of("members", memberProblem(e, "organization.error.last_owner_demote")), e, response, model);
        }
    }

    @PostMapping("/members/{userId}/remove")
    String remove(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, @PathVariable UserId userId,
            HttpServletResponse response, Model model) {
        if (caller.id().equals(userId)) {
            return leave(caller, id, response, model);
        }
        organizations.require(caller.id(), id, Permission.MANAGE_MEMBERS);
        try {
            organizations.removeMember(caller.id(), id, userId);
            return saved(id, "removed");
        } catch (ProblemException e) {
            return again(caller, id, Map.of(), Map.of("members", memberProblem(e, "organization.error.last_owner_leave")), e, response, model);
        }
    }

    @PostMapping("/leave")
    String leave(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, HttpServletResponse response, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), id);
        try {
            organizations.removeMember(caller.id(), id, caller.id());
            return "redirect:/dashboard?left=" + organization.slug();
        } catch (ProblemException e) {
            return again(caller, id, Map.of(), Map.of("leave", memberProblem(e, "organization.error.last_owner_leave")), e, response, model);
        }
    }

    @PostMapping("/transfer")
    String transfer(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id,
            @Valid OrganizationApiController.TransferRequest transfer, BindingResult binding, HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.OWN);
        UserId member = binding.hasErrors() ? null : UserId.of(transfer.userId());
        if (member == null || member.equals(caller.id())) {
            return again(caller, id, Map.of(), Map.of("transfer", "organization.error.transfer"), HttpStatus.BAD_REQUEST, response, model);
        }
        try {
            organizations.transferOwnership(caller.id(), id, member);
            return saved(id, "transferred");
        } catch (ProblemException e) {
            return again(caller, id, Map.of(), Map.of("transfer", memberProblem(e, "organization.error.last_owner_demote")), e, response, model);
        }
    }

    @PostMapping("/invitations")
    String invite(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id,
            @Valid InvitationApiController.InviteRequest invitation, BindingResult binding, HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.MANAGE_INVITATIONS);
        Map<String, String> form = Map.of("invite_email", orEmpty(invitation.email()),
                "invite_role", invitation.role() == null ? "" : invitation.role().name());
        // The form's fields are named as the API's, and the page shows their errors under the invitation's own names.
        Map<String, String> errors = new LinkedHashMap<>();
        if (binding.hasFieldErrors("email")) {
            errors.put("invite_email", "organization.error.invite_email");
        }
        if (binding.hasFieldErrors("role")) {
            errors.put("invite_role", "organization.error.role");
        }
        if (!errors.isEmpty()) {
            return again(caller, id, form, errors, HttpStatus.BAD_REQUEST, response, model);
        }
        try {
            invitations.invite(caller.id(), id, invitation.email().strip(), Role.fromDb(invitation.role().name()));
            return saved(id, "invited");
        } catch (ProblemException e) {
            if (showLimit(e, model)) {
                return again(caller, id, form, Map.of("invite", LIMIT), e, response, model);
            }
            String key = switch (e.type().slug()) {
                case "forbidden" -> "organization.error.invite_owner";
                case "validation-failed" -> "organization.error.invite_email";
                default -> invitationProblem(e);
            };
            return again(caller, id, form, Map.of(key.equals("organization.error.invite_email") ? "invite_email" : "invitations", key), e,
                    response, model);
        }
    }

    @PostMapping("/invitations/{invitationId}/resend")
    String resend(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, @PathVariable InvitationId invitationId,
            HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.MANAGE_INVITATIONS);
        try {
            invitations.resend(caller.id(), id, invitationId.value());
            return saved(id, "resent");
        } catch (ProblemException e) {
            String key = showLimit(e, model) ? LIMIT
                    : e.type().equals(ProblemType.FORBIDDEN) ? "organization.error.invite_owner" : invitationProblem(e);
            return again(caller, id, Map.of(), Map.of("invitations", key), e, response, model);
        }
    }

    @PostMapping("/invitations/{invitationId}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, @PathVariable InvitationId invitationId,
            HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.MANAGE_INVITATIONS);
        try {
            invitations.revoke(caller.id(), id, invitationId.value());
            return saved(id, "revoked");
        } catch (ProblemException e) {
            return again(caller, id, Map.of(), Map.of("invitations", invitationProblem(e)), e, response, model);
        }
    }

    @PostMapping("/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId id, @RequestParam(defaultValue = "") String confirm,
            HttpServletResponse response, Model model) {
        organizations.require(caller.id(), id, Permission.OWN);
        Organizations.OrganizationView organization = organizations.get(caller.id(), id);
        if (!confirm.strip().equals(organization.slug())) {
            return again(caller, id, Map.of("confirm", confirm), Map.of("confirm", "organization.error.confirm"), HttpStatus.BAD_REQUEST,
                    response, model);
        }
        try {
            organizations.delete(caller.id(), id);
            return "redirect:/dashboard?deleted=" + organization.slug();
        } catch (ProblemException e) {
            String key = e.type().equals(OrganizationProblems.STILL_IN_USE) ? "organization.error.in_use" : "form.error.generic";
            return again(caller, id, Map.of("confirm", confirm), Map.of("confirm", key), e, response, model);
        }
    }

    /** Where the page's two lists start: empty for the first page. */
    private record Cursors(String members, String invitations) {
        static final Cursors FIRST = new Cursors("", "");
    }

    private OrganizationPageModels.OrganizationPage page(CurrentUser caller, OrganizationId id, Map<String, String> form,
            Map<String, String> errors, String saved) {
        return page(caller, id, form, errors, saved, Cursors.FIRST);
    }

    private OrganizationPageModels.OrganizationPage page(CurrentUser caller, OrganizationId id, Map<String, String> form,
            Map<String, String> errors, String saved, Cursors cursors) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), id);
        Page<Organizations.MemberView> members = organizations.members(caller.id(), id, cursors.members(), LIST_SIZE);
        Page<Invitations.InvitationView> invited = organization.myRole().can(Permission.MANAGE_INVITATIONS)
                ? invitations.list(caller.id(), id, cursors.invitations(), LIST_SIZE)
                : Page.empty();
        return new OrganizationPageModels.OrganizationPage(organization, members.items(), invited.items(),
                caller.id().value().toString(), form, errors, saved,
                new OrganizationPageModels.Paging(cursors.members(), members.nextCursor(), cursors.invitations(), invited.nextCursor()));
    }

    /** A hand-edited or cut cursor in the address is no reason for an error page: that list starts from its beginning. */
    private static String cursor(String value) {
        try {
            return value.isBlank() ? "" : KeysetCursor.decode(value).encode();
        } catch (ProblemException e) {
            return "";
        }
    }

    private String again(CurrentUser caller, OrganizationId id, Map<String, String> form, Map<String, String> errors, ProblemException e,
            HttpServletResponse response, Model model) {
        return again(caller, id, form, errors, HttpStatus.valueOf(e.type().status().value()), response, model);
    }

    private String again(CurrentUser caller, OrganizationId id, Map<String, String> form, Map<String, String> errors, HttpStatus status,
            HttpServletResponse response, Model model) {
        // The caller may have lost access meanwhile: then this throws, and they get the 404 page.
        model.addAttribute("page", page(caller, id, form, errors, null));
        response.setStatus(status.value());
        return PAGE;
    }

    /** The error "key" of a section that shows the reached plan limit ({@code limit} in the model) instead of a message. */
    static final String LIMIT = "limit";

    /** Puts the plan limit a refusal names into the model; says whether there was one. */
    private static boolean showLimit(ProblemException e, Model model) {
        PlanLimitNotice limit = PlanLimitNotice.of(e);
        model.addAttribute("limit", limit);
        return limit != null;
    }

    private static String saved(OrganizationId id, String what) {
        return "redirect:/organizations/" + id.value() + "?saved=" + what;
    }

    private static String memberProblem(ProblemException e, String lastOwnerKey) {
        return switch (e.type().slug()) {
            case "last-owner" -> lastOwnerKey;
            case "forbidden" -> "organization.error.owners_only";
            case "not-found" -> "organization.error.no_member";
            default -> "form.error.generic";
        };
    }

    private static String invitationProblem(ProblemException e) {
        return switch (e.type().slug()) {
            case "already-member" -> "organization.error.already_member";
            case "already-invited" -> "organization.error.already_invited";
            case "not-found" -> "organization.error.no_invitation";
            default -> "form.error.generic";
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
