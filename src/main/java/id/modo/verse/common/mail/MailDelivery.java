package id.modo.verse.common.mail;

import id.modo.verse.common.OutboxMail;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes pending mails out of {@code mail_outbox} and hands them to the {@link MailTransport}.
 *
 * <p>Each mail is claimed in its own transaction with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * and stays locked while it is handed over, so two senders (threads or app nodes) never take the
 * same mail. A failed attempt is counted, its error kept, and the mail waits {@link #BACKOFF}
 * before the next one; after {@value #MAX_ATTEMPTS} attempts it is {@code failed}.
 *
 * <p>Runs right after a transaction that queued mail commits (on one background thread per node)
 * and every few seconds as the db-scheduler task {@value MailConfiguration#TASK}, which retries and
 * picks up what a stopped node left.
 */
public class MailDelivery implements DisposableBean {

    static final int MAX_ATTEMPTS = 5;
    /** The wait after the 1st, 2nd, 3rd and 4th failed attempt. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(30));
    /** At most this many mails per run, so one run never holds a scheduler thread for long. */
    static final int MAX_PER_RUN = 200;
    /** How long a shutdown waits for the mail being handed over. */
    private static final Duration CONNECT_AND_SEND = SmtpTransport.CONNECT_TIMEOUT.plus(SmtpTransport.IO_TIMEOUT);

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final String CLAIM = """
            select id, recipient, subject, text_body, html_body, attempts from mail_outbox
            where status = 'pending' and %s
            order by next_attempt_at, created_at
            limit 1
            for update skip locked""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailTransport transport;
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("mail-delivery").daemon(true).factory());
    private final AtomicBoolean requested = new AtomicBoolean();

    MailDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, MailTransport transport) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.transport = transport;
    }

    /** Delivers what is due once the current transaction commits; at once when there is none. */
    public void deliverAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requestRun();
                }
            });
        } else {
            requestRun();
        }
    }

    /** Starts a background run unless one is already waiting to start (requests coalesce). */
    void requestRun() {
        if (!requested.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                requested.set(false);
                try {
                    deliverDue();
                } catch (RuntimeException e) {
                    log.warn("Mail delivery run failed; the scheduled run retries: {}", Failures.describe(e));
                }
            });
        } catch (RejectedExecutionException e) {
            requested.set(false); // shutting down: the scheduled run picks the mail up on the next start
        }
    }

    /** Delivers due mails one by one until none is due, one fails, or {@value #MAX_PER_RUN} went. Returns how many went. */
    public int deliverDue() {
        int delivered = 0;
        while (delivered < MAX_PER_RUN) {
            Optional<Boolean> result = attempt(CLAIM.formatted("next_attempt_at <= now()"), null);
            if (result.isEmpty()) {
                break;
            }
            if (!result.get()) {
                break; // the server is likely down; the next run tries the rest
            }
            delivered++;
        }
        return delivered;
    }

    /**
     * Delivers this mail now if it is still pending, whatever its back-off. Answers whether it went;
     * empty when it was not pending or another sender holds it.
     */
    Optional<Boolean> deliver(UUID id) {
        return attempt(CLAIM.formatted("id = :id"), id);
    }

    /** Empty when nothing was claimed; else whether the mail went. */
    private Optional<Boolean> attempt(String claim, @Nullable UUID id) {
        return transactions.execute(status -> {
            var query = jdbc.sql(claim);
            if (id != null) {
                query = query.param("id", id);
            }
            Optional<Claimed> claimed = query.query((rs, n) -> new Claimed(
                    new MailTransport.Outgoing(rs.getObject("id", UUID.class), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body")),
                    rs.getInt("attempts"))).optional();
            return claimed.map(this::hand);
        });
    }

    private boolean hand(Claimed claimed) {
        UUID id = claimed.mail().id();
        int attempt = claimed.attempts() + 1;
        try {
            OutboxMail.Status outcome = transport.deliver(claimed.mail());
            jdbc.sql("""
                    update mail_outbox set status = :status, attempts = :attempts, last_error = null,
                        sent_at = case when :sent then now() end
                    where id = :id""")
                    .param("status", outcome.name().toLowerCase(Locale.ROOT))
                    .param("sent", outcome == OutboxMail.Status.SENT)
                    .param("attempts", attempt)
                    .param("id", id)
                    .update();
            return true;
        } catch (Exception e) {
            String error = transport.describe(e);
            boolean last = attempt >= MAX_ATTEMPTS;
            Duration wait = last ? Duration.ZERO : BACKOFF.get(Math.min(attempt, BACKOFF.size()) - 1);
            jdbc.sql("""
                    update mail_outbox set status = :status, attempts = :attempts, last_error = :error,
                        next_attempt_at = now() + make_interval(secs => :wait)
                    where id = :id""")
                    .param("status", last ? "failed" : "pending")
                    .param("attempts", attempt)
                    .param("error", error)
                    .param("wait", wait.toSeconds())
                    .param("id", id)
                    .update();
            if (last) {
                log.error("Mail {} failed after {} attempts, giving up: {}", id, attempt, error);
            } else {
                log.warn("Mail {} attempt {} of {} failed, next in {}: {}", id, attempt, MAX_ATTEMPTS, wait, error);
            }
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(CONNECT_AND_SEND.toSeconds(), TimeUnit.SECONDS)) {
            background.shutdownNow();
        }
    }

    private record Claimed(MailTransport.Outgoing mail, int attempts) {
    }
}
