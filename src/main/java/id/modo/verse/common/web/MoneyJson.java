package id.modo.verse.common.web;

import id.modo.verse.common.Money;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A {@link Money} in a response is its amount as a decimal string with two decimals ({@code "150000.00"}),
 * never a floating-point number; the currency goes beside it in its own field, as every response with
 * amounts has one ({@code "currency": "IDR"}). Response records declare {@code Money} fields, and the API
 * document shows them as such strings.
 */
@Configuration(proxyBeanMethods = false)
class MoneyJson {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, new StringSchema()
                .pattern("^-?\\d+\\.\\d{2}$")
                .example("150000.00")
                .description("an amount as a decimal string with two decimals; its currency is the response's `currency`"));
    }

    @Bean
    JsonMapperBuilderCustomizer moneyAsDecimalString() {
        return builder -> builder.addModule(new SimpleModule("money-as-decimal-string").addSerializer(Money.class, new Serializer()));
    }

    private static final class Serializer extends StdSerializer<Money> {

        Serializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator json, SerializationContext context) {
            json.writeString(money.plain());
        }
    }
}
