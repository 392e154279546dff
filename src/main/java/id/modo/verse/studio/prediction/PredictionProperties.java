package id.modo.verse.studio.prediction;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audience prediction, under {@code modo.studio.prediction.*}.
 *
 * @param ticketPrice the average cinema ticket per market, by currency code ({@code IDR}: Indonesian cinemas)
 * @param usdRate how many units of a currency one US dollar buys, by currency code: budgets sent in a currency are
 *                divided by it for the model (which knows US dollars), grosses multiplied by it for a market
 * @param defaultMarket the market of a prediction that names none
 */
@ConfigurationProperties("modo.studio.prediction")
record PredictionProperties(Map<String, BigDecimal> ticketPrice, Map<String, BigDecimal> usdRate, String defaultMarket) {

    PredictionProperties {
        // Environment variables arrive lower-cased (MODO_..._IDR binds as "idr"); codes are upper case.
        ticketPrice = upper(ticketPrice);
        usdRate = upper(usdRate);
        defaultMarket = defaultMarket == null ? "IDR" : defaultMarket.toUpperCase(Locale.ROOT);
        for (var rate : usdRate.values()) {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("modo.studio.prediction.usd-rate must be above 0");
            }
        }
        for (var price : ticketPrice.entrySet()) {
            if (price.getValue().signum() <= 0 || !usdRate.containsKey(price.getKey())) {
                throw new IllegalArgumentException("modo.studio.prediction.ticket-price." + price.getKey()
                        + " must be above 0 and have a usd-rate");
            }
        }
        if (!ticketPrice.containsKey(defaultMarket)) {
            throw new IllegalArgumentException("modo.studio.prediction.default-market " + defaultMarket + " has no ticket-price");
        }
    }

    private static Map<String, BigDecimal> upper(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new TreeMap<>();
        if (values != null) {
            values.forEach((code, value) -> out.put(code.toUpperCase(Locale.ROOT), value));
        }
        return Map.copyOf(out);
    }
}
