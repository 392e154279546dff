package id.modo.verse.credit;

import static id.modo.verse.credit.CreditLedger.utc;

import id.modo.verse.credit.CreditEvents.CreditsReset;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly reset of the credit buckets, run by {@link CreditJobs} (and by bench/CreditBench.java, hence public): one statement a chunk, which
 * writes each step as a ledger row as {@link CreditLedger} does for every other change.
 */
@Service
public class CreditMonthlyReset {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CreditProperties properties;

    CreditMonthlyReset(JdbcClient jdbc, ApplicationEventPublisher events, CreditProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Resets up to {@code batchSize} organizations whose month ended by {@code now}, in one
     * statement: last month's rollover expires, unused main rolls over up to the cap (the rest
     * expires), and main gets the month's allowance; each step is a ledger row. Rows locked by
     * someone else are skipped (another node takes them), as are rows with open reservations: a
     * hold must stay covered, and holds end within {@code modo.credits.max-reservation-ttl}.
     * Returns how many organizations were reset.
     */
    @Transactional
    public int resetDue(Instant now, int batchSize) {
        record Reset(UUID organizationId, int bonus, int main, int rollover, int kept, int monthly) {
        }
        List<Reset> resets = jdbc.sql("""
                with due as (
                  select id, organization_id, balance as m, bonus_balance as x, rollover_balance as r, monthly_credits as mc,
                      least(balance, rollover_cap) as kept, next_reset_at as nr
                  from credit_balances
                  where next_reset_at <= :now and held_balance = 0
                  order by next_reset_at
                  limit :batch
                  for update skip locked),
                upd as (
                  update credit_balances b set balance = d.mc, rollover_balance = d.kept, last_reset_at = :now, updated_at = :now,
                      next_reset_at = case
                        when ((d.nr at time zone :zone) + interval '1 month') at time zone :zone > :now
                          then ((d.nr at time zone :zone) + interval '1 month') at time zone :zone
                        else ((cast(:now as timestamptz) at time zone :zone) + interval '1 month') at time zone :zone end
                  from due d where b.id = d.id
                  returning d.*),
                led as (
                  insert into credit_transactions (organization_id, type, bucket, amount, balance_after, description,
                      reference_type, reference_id, created_at)
                  select u.organization_id, v.type, v.bucket, v.amount, v.after, v.description, 'monthly_reset', :period,
                      clock_timestamp()
                  from upd u cross join lateral (values
                      (1, 'expiry', 'rollover', -u.r, u.x + u.m, 'Last month''s rollover expired'),
                      (2, 'rollover', 'main', -u.kept, u.x + u.m - u.kept, 'Unused credits rolled over'),
                      (3, 'rollover', 'rollover', u.kept, u.x + u.m, 'Unused credits rolled over'),
                      (4, 'expiry', 'main', u.kept - u.m, u.x + u.kept, 'Unused credits above the rollover cap expired'),
                      (5, 'subscription', 'main', u.mc, u.x + u.kept + u.mc, 'Monthly credits'))
                    as v(ord, type, bucket, amount, after, description)
                  where v.amount <> 0
                  order by u.organization_id, v.ord)
                select organization_id, x, m, r, kept, mc from upd""")
                .param("now", utc(now))
                .param("batch", batchSize)
                .param("zone", properties.resetTimeZone().getId())
                .param("period", now.atZone(properties.resetTimeZone()).toLocalDate().toString())
                .query((rs, n) -> new Reset(rs.getObject("organization_id", UUID.class), rs.getInt("x"), rs.getInt("m"),
                        rs.getInt("r"), rs.getInt("kept"), rs.getInt("mc")))
                .list();
        for (Reset reset : resets) {
            events.publishEvent(new CreditsReset(reset.organizationId(), reset.monthly(), reset.kept(),
                    reset.rollover() + reset.main() - reset.kept(), reset.bonus() + reset.kept() + reset.monthly()));
        }
        return resets.size();
    }
}
