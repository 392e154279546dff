package id.modo.verse.ai;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The organization's usage report as its members read it: in their time zone, each member named. */
@Service
class AiUsage {

    /** A report's row with the member's name when grouped by member (null otherwise, and for usage without a member). */
    record NamedRow(String key, String name, UsageReports.Sums sums) {
    }

    private final Organizations organizations;
    private final UsageReports reports;
    private final Accounts accounts;
    private final ZoneId defaultZone;
    private final Clock clock;

    AiUsage(Organizations organizations, UsageReports reports, Accounts accounts, ModoProperties modo, Clock clock) {
        this.organizations = organizations;
        this.reports = reports;
        this.accounts = accounts;
        this.defaultZone = modo.web().defaultTimeZone();
        this.clock = clock;
    }

    /** Checks the caller may read the organization (404 for outsiders); their time zone, else the platform's. */
    ZoneId zoneOf(CurrentUser caller, OrganizationId organization) {
        organizations.require(caller.id(), organization, Permission.VIEW);
        return caller.timeZone().orElse(defaultZone);
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    UsageReports.Report report(OrganizationId organization, UsageRange range, UsageReports.Grouping grouping) {
        return reports.report(organization.value(), range, grouping);
    }

    List<NamedRow> named(UsageReports.Report report) {
        if (report.grouping() != UsageReports.Grouping.MEMBER) {
            return report.rows().stream().map(row -> new NamedRow(row.key(), null, row.sums())).toList();
        }
        Map<UserId, Accounts.Person> people = accounts.people(report.rows().stream().map(UsageReports.Row::key).filter(Objects::nonNull)
                .map(key -> UserId.of(UUID.fromString(key))).toList());
        return report.rows().stream().map(row -> {
            Accounts.Person person = row.key() == null ? null : people.get(UserId.of(UUID.fromString(row.key())));
            return new NamedRow(row.key(), person == null ? null : person.name(), row.sums());
        }).toList();
    }
}
