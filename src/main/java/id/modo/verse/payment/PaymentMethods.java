package id.modo.verse.payment;

import id.modo.verse.payment.PaymentGateway.SavedMethod;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one payment method per organization and gateway that renewals charge; the newest saved one wins. */
@Component
class PaymentMethods {

    private final JdbcClient jdbc;

    PaymentMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SavedMethod> find(UUID organizationId, String gateway) {
        return jdbc.sql("select customer_reference, method_reference, label from payment_methods where organization_id = ? and gateway = ?")
                .params(organizationId, gateway)
                .query((rs, row) -> new SavedMethod(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The gateways the organization has a method saved on, newest first. */
    java.util.List<String> gatewaysOf(UUID organizationId) {
        return jdbc.sql("select gateway from payment_methods where organization_id = ? order by created_at desc")
                .param(organizationId)
                .query(String.class)
                .list();
    }

    void save(UUID organizationId, String gateway, SavedMethod method) {
        jdbc.sql("""
                insert into payment_methods (organization_id, gateway, customer_reference, method_reference, label)
                values (?, ?, ?, ?, ?)
                on conflict (organization_id, gateway) do update set customer_reference = excluded.customer_reference,
                    method_reference = excluded.method_reference, label = excluded.label, created_at = now()""")
                .params(organizationId, gateway, method.customerReference(), method.methodReference(), method.label())
                .update();
    }
}
