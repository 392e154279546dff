package id.modo.verse.invest.revenue;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.revenue.RevenueApi.PayoutResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invest revenue", description = "A funded campaign's revenue periods, their distribution and the investors' payouts")
@RestController
class MyPayoutsApiController {

    private final RevenueRows rows;
    private final PayoutAccounts accounts;

    MyPayoutsApiController(RevenueRows rows, PayoutAccounts accounts) {
        this.rows = rows;
        this.accounts = accounts;
    }

    @Operation(summary = "My revenue-share payouts, newest first", description = "Pass `next_cursor` back as `cursor`.")
    @GetMapping("/api/v1/me/payouts")
    Page<PayoutResponse> mine(@AuthenticationPrincipal CurrentUser caller,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return rows.payoutsOfUser(caller.id().value(), cursor, limit).map(PayoutResponse::of);
    }

    @Operation(summary = "All my payouts as CSV, for tax", description = """
            Oldest first; times in Asia/Jakarta. Every field is quoted, and text a spreadsheet would run as a formula starts \
            with an apostrophe.""")
    @GetMapping(value = "/api/v1/me/payouts.csv", produces = "text/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser caller) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("modo-payouts.csv").build().toString())
                .body(PayoutsCsv.of(rows.allPayoutsOfUser(caller.id().value())));
    }

    @Operation(summary = "Where my payouts go", description = "The account number is shown by its last four digits only; 404 when none is set.")
    @GetMapping("/api/v1/me/payout-account")
    PayoutAccounts.PayoutAccountResponse account(@AuthenticationPrincipal CurrentUser caller) {
        return accounts.of(caller.id().value())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No payout account is set."));
    }

    @Operation(summary = "Set where my payouts go", description = """
            `{bank_code, account_number, account_holder_name}`: the bank code as the payout provider names it (BCA, MANDIRI, \
            BNI…). The sandbox needs none; Xendit disbursements fail without one (and can be retried once it is set).""")
    @PutMapping("/api/v1/me/payout-account")
    PayoutAccounts.PayoutAccountResponse setAccount(@AuthenticationPrincipal CurrentUser caller, @RequestBody PayoutAccounts.PayoutAccountRequest request) {
        return accounts.save(caller.id().value(), request);
    }
}
