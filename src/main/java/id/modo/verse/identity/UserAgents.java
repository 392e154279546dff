package id.modo.verse.identity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's user agent and address as a person reads them: "Chrome 131 on Windows", "Safari on iPhone",
 * "localhost". Only the browsers and systems people sign in with are told apart; anything else keeps its first
 * word (an API client such as {@code curl/8.5}), so nothing is guessed.
 */
final class UserAgents {

    /** Browser names and the token that carries their version, in the order that tells them apart (Edge says Chrome too). */
    private static final List<String[]> BROWSERS = List.of(
            new String[] {"Edge", "Edg(?:e|A|iOS)?/(\\d+)"},
            new String[] {"Opera", "(?:OPR|Opera)/(\\d+)"},
            new String[] {"Samsung Internet", "SamsungBrowser/(\\d+)"},
            new String[] {"Firefox", "(?:Firefox|FxiOS)/(\\d+)"},
            new String[] {"Chrome", "(?:Chrome|CriOS)/(\\d+)"},
            new String[] {"Safari", "Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"});

    private UserAgents() {
    }

    /** "Browser version on system", or null when the agent says nothing readable. */
    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String system = system(userAgent);
        for (String[] browser : BROWSERS) {
            Matcher version = Pattern.compile(browser[1]).matcher(userAgent);
            if (version.find()) {
                String name = browser[0] + " " + version.group(1);
                return system == null ? name : name + " · " + system;
            }
        }
        if (system != null) {
            return system;
        }
        String first = userAgent.strip().split("\\s+")[0];
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }

    private static String system(String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (agent.contains("iphone")) {
            return "iPhone";
        }
        if (agent.contains("ipad")) {
            return "iPad";
        }
        if (agent.contains("android")) {
            return "Android";
        }
        if (agent.contains("windows")) {
            return "Windows";
        }
        if (agent.contains("mac os x") || agent.contains("macintosh")) {
            return "macOS";
        }
        if (agent.contains("cros")) {
            return "ChromeOS";
        }
        if (agent.contains("linux")) {
            return "Linux";
        }
        return null;
    }

    /** The address as a person reads it: the loopback is "localhost", IPv4-mapped IPv6 its IPv4 part. */
    static String address(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String address = ip.strip();
        if (address.equals("0:0:0:0:0:0:0:1") || address.equals("::1") || address.startsWith("127.")) {
            return "localhost";
        }
        return address.toLowerCase(Locale.ROOT).startsWith("::ffff:") ? address.substring(7) : address;
    }
}
