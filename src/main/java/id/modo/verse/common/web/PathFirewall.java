package id.modo.verse.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (no {@code ;}, no encoded {@code /}, {@code %}, {@code .} or
 * control characters, no {@code //} or {@code ..}), and one rule more: no percent-encoded letter,
 * digit, {@code -}, {@code _} or {@code ~} in the path. RFC 3986 says such characters are never
 * to be encoded, so no honest client sends them; a request that does ({@code /%61pi/v1/me}) is
 * one whose raw and decoded paths differ to confuse a check, and is refused with 400.
 */
class PathFirewall extends StrictHttpFirewall {

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        if (encodesUnreservedCharacter(request.getRequestURI())) {
            throw new RequestRejectedException("The request was rejected because the URL encodes a character that needs no encoding.");
        }
        return super.getFirewalledRequest(request);
    }

    static boolean encodesUnreservedCharacter(String uri) {
        if (uri == null) {
            return false;
        }
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
            int high = Character.digit(uri.charAt(i + 1), 16);
            int low = Character.digit(uri.charAt(i + 2), 16);
            if (high >= 0 && low >= 0 && isUnreserved((char) (high * 16 + low))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~';
    }
}
