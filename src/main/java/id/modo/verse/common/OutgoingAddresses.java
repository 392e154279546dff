package id.modo.verse.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's guard against server-side request forgery: an address a user or admin enters (an AI server's base
 * URL, a webhook) must be http(s) and resolve only to public addresses, so the server cannot be made to call its own
 * loopback, the cloud's metadata service (link-local) or the private network. {@code modo.outgoing.allow-private-addresses}
 * lifts the address check for installs that mean to reach their own network (a local Ollama).
 */
@Component
public class OutgoingAddresses {

    private final boolean allowPrivate;

    public OutgoingAddresses(@Value("${modo.outgoing.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Refused: the message says why in the client's terms, without anything the client did not send. */
    public static final class RefusedAddress extends IllegalArgumentException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    /** The URL when it may be called, else a {@link RefusedAddress}. */
    public URI require(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedAddress("must be an http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new RefusedAddress("must be an http(s) URL with a host and no user name or password");
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedAddress("its host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedAddress("points to a private, loopback, link-local or multicast address, which the platform does not call "
                        + "(modo.outgoing.allow-private-addresses allows it)");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 ("this network"), 100.64.0.0/10 (carrier-grade NAT) and 240.0.0.0/4 (reserved, broadcast)
            // are not the public internet either.
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) && first < 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7: unique-local, IPv6's private network; Java's isSiteLocalAddress only knows the deprecated fec0::/10.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            // ::ffff:0:0/96 written out is an IPv4 address in disguise; judge the IPv4 address.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
