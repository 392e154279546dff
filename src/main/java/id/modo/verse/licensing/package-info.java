/**
 * Licensing: the B2B licence catalogue, licence requests, agreements and royalty reports. Owns license_catalog, license_requests, license_agreements, royalty_reports.
 * Its tables are created by the migrations in {@code db/migration/licensing}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "organization"})
package id.modo.verse.licensing;
