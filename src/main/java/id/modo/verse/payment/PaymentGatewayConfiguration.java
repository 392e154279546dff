package id.modo.verse.payment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The real providers, each present only once its keys are configured. */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    @Bean
    @ConditionalOnExpression("'${modo.payments.stripe.secret-key:}' != '' and '${modo.payments.stripe.webhook-secret:}' != ''")
    StripeGateway stripeGateway(PaymentProperties properties) {
        return new StripeGateway(properties.stripe(), properties.gatewayTimeout());
    }

    @Bean
    @ConditionalOnExpression("'${modo.payments.midtrans.server-key:}' != ''")
    MidtransGateway midtransGateway(PaymentProperties properties) {
        return new MidtransGateway(properties.midtrans(), properties.gatewayTimeout());
    }

    @Bean
    @ConditionalOnExpression("'${modo.payments.xendit.secret-key:}' != '' and '${modo.payments.xendit.callback-token:}' != ''")
    XenditGateway xenditGateway(PaymentProperties properties) {
        return new XenditGateway(properties.xendit(), properties.gatewayTimeout());
    }
}
