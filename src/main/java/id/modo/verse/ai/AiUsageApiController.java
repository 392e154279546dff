package id.modo.verse.ai;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "AI usage", description = "What an organization's AI generations used: credits, tokens, attempts")
@RestController
class AiUsageApiController {

    enum GroupBy { day, type, member }

    private final AiUsage usage;

    AiUsageApiController(AiUsage usage) {
        this.usage = usage;
    }

    record SumsResponse(long credits, long inputTokens, long outputTokens, long generations, long failures) {
        static SumsResponse of(UsageReports.Sums sums) {
            return new SumsResponse(sums.credits(), sums.inputTokens(), sums.outputTokens(), sums.generations(), sums.failures());
        }
    }

    record RowResponse(String key, String name, long credits, long inputTokens, long outputTokens, long generations, long failures) {
    }

    record UsageResponse(LocalDate from, LocalDate to, String timeZone, String groupBy, SumsResponse totals, List<RowResponse> rows) {
    }

    @Operation(summary = "The organization's AI usage over a range of days", description = """
            Any member. `from` and `to` are days (yyyy-mm-dd, both included) in the caller's time zone (their profile's, \
            else Asia/Jakarta, named in `time_zone`); without them the last 30 days. At most one year (366 days). \
            `generations` counts every attempt logged (each attempt along a fallback chain), `failures` those that ended \
            in an error or a timeout. Rows: every day of the range (`key` yyyy-mm-dd, days without usage as zeros), each \
            generation type (`key` such as `synopsis`), or each member (`key` the user id, `name` theirs; `key` null \
            for usage without a member), most credits first.""")
    @GetMapping("/api/v1/organizations/{orgId}/ai/usage")
    UsageResponse usage(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "first day, yyyy-mm-dd") @RequestParam(required = false) String from,
            @Parameter(description = "last day, yyyy-mm-dd") @RequestParam(required = false) String to,
            @RequestParam(name = "group_by", required = false, defaultValue = "day") GroupBy groupBy) {
        ZoneId zone = usage.zoneOf(caller, orgId);
        UsageRange.Parsed parsed = UsageRange.parse(from, to, zone, usage.today(zone));
        if (!parsed.errors().isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors", parsed.errors()));
        }
        UsageReports.Report report = usage.report(orgId, parsed.range(), UsageReports.Grouping.valueOf(groupBy.name().toUpperCase(Locale.ROOT)));
        List<RowResponse> rows = usage.named(report).stream().map(row -> new RowResponse(row.key(), row.name(), row.sums().credits(),
                row.sums().inputTokens(), row.sums().outputTokens(), row.sums().generations(), row.sums().failures())).toList();
        return new UsageResponse(report.range().from(), report.range().to(), zone.getId(), groupBy.name(), SumsResponse.of(report.totals()), rows);
    }
}
