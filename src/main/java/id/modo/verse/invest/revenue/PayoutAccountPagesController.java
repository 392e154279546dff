package id.modo.verse.invest.revenue;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the signed-in investor's revenue-share payouts go, on a page: the same {@link PayoutAccounts} as
 * {@code PUT /api/v1/me/payout-account}, so a payout gateway that needs a bank account (Xendit) does not need the API.
 */
@Controller
class PayoutAccountPagesController {

    private static final String PATH = "/investments/payout-account";

    private final PayoutAccounts accounts;

    PayoutAccountPagesController(PayoutAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String saved, Model model) {
        return page(caller, null, Map.of(), !saved.isEmpty(), model);
    }

    @PostMapping(PATH)
    String save(@AuthenticationPrincipal CurrentUser caller, @RequestParam(name = "bank_code", defaultValue = "") String bankCode,
            @RequestParam(name = "account_number", defaultValue = "") String accountNumber,
            @RequestParam(name = "account_holder_name", defaultValue = "") String holder, HttpServletResponse response, Model model) {
        // People type bank codes in lower case and account numbers with the spaces or dashes printed on their card.
        PayoutAccounts.PayoutAccountRequest request = new PayoutAccounts.PayoutAccountRequest(bankCode.strip().toUpperCase(Locale.ROOT),
                accountNumber.replaceAll("[\\s-]", ""), holder);
        try {
            accounts.save(caller.id().value(), request);
            return "redirect:" + PATH + "?saved=1";
        } catch (ProblemException e) {
            if (e.type() != ProblemType.VALIDATION || !(e.properties().get("errors") instanceof List<?> fields)) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            fields.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                    .forEach(field -> errors.put(field.field(), "iwalk.payout_account.error." + field.field()));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(caller, Map.of("bank_code", bankCode, "account_number", accountNumber, "account_holder_name", holder), errors, false, model);
        }
    }

    private String page(CurrentUser caller, Map<String, String> typed, Map<String, String> errors, boolean saved, Model model) {
        Optional<PayoutAccounts.PayoutAccountResponse> current = accounts.of(caller.id().value());
        Map<String, String> form = typed != null ? typed : Map.of("bank_code", current.map(PayoutAccounts.PayoutAccountResponse::bankCode).orElse(""),
                "account_number", "", "account_holder_name", current.map(PayoutAccounts.PayoutAccountResponse::accountHolderName).orElse(""));
        model.addAttribute("page", new PayoutAccountPage(current.map(PayoutAccounts.PayoutAccountResponse::bankCode).orElse(null),
                current.map(PayoutAccounts.PayoutAccountResponse::accountNumberLastFour).orElse(null),
                current.map(PayoutAccounts.PayoutAccountResponse::accountHolderName).orElse(null), form, errors, saved));
        return "invest/payout-account";
    }
}
