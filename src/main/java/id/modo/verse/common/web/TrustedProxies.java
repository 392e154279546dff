package id.modo.verse.common.web;

import id.modo.verse.common.ModoProperties;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Behind a load balancer every request arrives from the balancer's address, so per-address limits
 * (failed sign-ins, sign-ups) would hold back everyone at once. With {@code modo.web.trusted-proxies}
 * set, Tomcat's {@link RemoteIpValve} takes the client's address from {@code X-Forwarded-For} (and
 * the scheme from {@code X-Forwarded-Proto}), but only on requests that come from one of those
 * proxies: from anyone else the headers are ignored, so nobody can claim another address. Empty
 * (the default), the headers are always ignored.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> proxies;

    TrustedProxies(ModoProperties properties) {
        this.proxies = properties.web().trustedProxies();
        // A wrong entry stops the start with a message naming the setting, not the first request.
        if (!proxies.isEmpty()) {
            regex(proxies);
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setInternalProxies(regex(proxies));
        valve.setTrustedProxies("");
        factory.addEngineValves(valve);
    }

    /**
     * One regular expression (what the valve takes) matching exactly the given addresses and IPv4
     * CIDR ranges, as Tomcat prints addresses ({@code 10.0.0.7}, {@code 0:0:0:0:0:0:0:1}).
     */
    static String regex(List<String> entries) {
        List<String> alternatives = new ArrayList<>();
        for (String entry : entries) {
            alternatives.add(entry.contains("/") ? ipv4Range(entry) : Pattern.quote(address(entry, entry).getHostAddress()));
        }
        return String.join("|", alternatives);
    }

    private static String ipv4Range(String cidr) {
        String[] parts = cidr.split("/", 2);
        InetAddress network = address(parts[0], cidr);
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw invalid(cidr);
        }
        byte[] bytes = network.getAddress();
        if (bytes.length != 4 || prefix < 0 || prefix > 32) {
            throw invalid(cidr);
        }
        List<String> octets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int bits = Math.max(0, Math.min(8, prefix - 8 * i));
            int value = bytes[i] & 0xff;
            int size = 1 << (8 - bits);
            int first = value & ~(size - 1) & 0xff;
            if (bits == 8) {
                octets.add(String.valueOf(value));
            } else if (bits == 0) {
                octets.add("(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
            } else {
                List<String> values = new ArrayList<>();
                for (int v = first; v < first + size; v++) {
                    values.add(String.valueOf(v));
                }
                octets.add("(?:" + String.join("|", values) + ")");
            }
        }
        return String.join("\\.", octets);
    }

    private static InetAddress address(String literal, String entry) {
        // Only literals: a host name here would be looked up in DNS, at start and with whatever it answers.
        if (!literal.matches("(?:\\d{1,3}\\.){3}\\d{1,3}") && !literal.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw invalid(entry);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw invalid(entry);
        }
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("modo.web.trusted-proxies (MODO_TRUSTED_PROXIES): '" + entry
                + "' is neither an IP address nor an IPv4 CIDR range such as 10.0.0.0/8");
    }
}
