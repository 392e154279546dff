package id.modo.verse.organization;

/** The profile fields an admin may change; null leaves a field as it is, blank clears it. */
record OrganizationChange(String name, String description, String website, String logo, String billingEmail) {
}
