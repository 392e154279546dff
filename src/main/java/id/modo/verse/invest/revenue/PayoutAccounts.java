package id.modo.verse.invest.revenue;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The bank account an investor's payouts go to; read back only with the account number masked to its last four digits. */
@Service
class PayoutAccounts {

    private static final Pattern BANK_CODE = Pattern.compile("[A-Z0-9_]{2,50}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{5,30}");

    record PayoutAccountRequest(String bankCode, String accountNumber, String accountHolderName) {
    }

    record PayoutAccountResponse(String bankCode, String accountNumberLastFour, String accountHolderName) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PayoutAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<PayoutAccountResponse> of(UUID user) {
        return jdbc.sql("select bank_code, account_number, account_holder_name from investor_payout_accounts where user_id = ?")
                .param(user).query((rs, n) -> new PayoutAccountResponse(rs.getString(1), lastFour(rs.getString(2)), rs.getString(3))).optional();
    }

    PayoutAccountResponse save(UUID user, PayoutAccountRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.bankCode() == null || !BANK_CODE.matcher(request.bankCode()).matches()) {
            errors.add(new FieldError("bank_code", "must be the provider's bank code, such as BCA or MANDIRI"));
        }
        if (request.accountNumber() == null || !ACCOUNT_NUMBER.matcher(request.accountNumber()).matches()) {
            errors.add(new FieldError("account_number", "must be 5 to 30 digits"));
        }
        String holder = request.accountHolderName() == null ? "" : request.accountHolderName().strip();
        if (holder.isEmpty() || holder.length() > 255) {
            errors.add(new FieldError("account_holder_name", "must be 1 to 255 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        jdbc.sql("""
                insert into investor_payout_accounts (user_id, bank_code, account_number, account_holder_name, updated_at)
                values (?, ?, ?, ?, ?) on conflict (user_id) do update set bank_code = excluded.bank_code,
                    account_number = excluded.account_number, account_holder_name = excluded.account_holder_name,
                    updated_at = excluded.updated_at""")
                .params(user, request.bankCode(), request.accountNumber(), holder, Timestamp.from(clock.instant())).update();
        return new PayoutAccountResponse(request.bankCode(), lastFour(request.accountNumber()), holder);
    }

    private static String lastFour(String number) {
        return number.substring(Math.max(0, number.length() - 4));
    }
}
