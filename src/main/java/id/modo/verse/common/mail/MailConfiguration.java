package id.modo.verse.common.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.common.ModoProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Outgoing mail: SMTP when {@code modo.mail.host} is set, else capture (see {@link LogTransport}); and the
 * db-scheduler task that delivers due outbox mails every {@link #INTERVAL} (retries, and mails a
 * stopped node left behind), once across all app nodes.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    static final String TASK = "mail-delivery";
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailDelivery mailDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, MailProperties properties,
            ModoProperties modo) {
        MailTransport transport;
        if (properties.enabled()) {
            log.info("Outgoing mail goes by SMTP through {}:{} ({}{}), from {}", properties.host(), properties.port(),
                    properties.port() == MailProperties.SMTPS_PORT ? "TLS" : properties.starttls() ? "STARTTLS" : "no TLS",
                    properties.authenticated() ? ", as " + properties.username() : "", properties.from());
            transport = new SmtpTransport(properties);
        } else {
            log.info("No SMTP server configured (MODO_MAIL_HOST): outgoing mail is captured in the mail outbox ({}) and {} "
                    + "instead of sent", modo.link("/admin/mail"), modo.env() == ModoProperties.Environment.PRODUCTION
                    ? "noted in this log without its text" : "printed to this log");
            transport = new LogTransport(modo);
        }
        return new MailDelivery(jdbc, transactionManager, transport);
    }

    @Bean
    RecurringTask<Void> mailDeliveryTask(MailDelivery delivery) {
        return Tasks.recurring(TASK, FixedDelay.of(INTERVAL))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
