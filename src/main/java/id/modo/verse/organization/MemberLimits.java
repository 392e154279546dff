package id.modo.verse.organization;

/**
 * Lets the module that sells plans cap how many people an organization may have. Asked here before
 * an invitation is sent or accepted, implemented there (billing), so organization depends on no
 * module that depends on it.
 */
public interface MemberLimits {

    /**
     * Throws a {@link id.modo.verse.common.ProblemException} (402 {@code plan-limit-reached}) if one more
     * person would exceed the organization's plan, counting {@code currentMembersAndPending}: the members plus
     * the invitations still open.
     */
    void checkCanAdd(OrganizationId organization, int currentMembersAndPending);
}
