package id.modo.verse.common;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard: only http(s) to public addresses, unless the setting allows the private network. */
class OutgoingAddressesTests {

    private final OutgoingAddresses guarded = new OutgoingAddresses(false);
    private final OutgoingAddresses open = new OutgoingAddresses(true);

    @Test
    void privateLoopbackLinkLocalMulticastAndUniqueLocalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1:11434/v1", "http://localhost/v1", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/",
                "http://[::1]/", "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://[::ffff:127.0.0.1]/", "http://[::]/"}) {
            assertThatThrownBy(() -> guarded.require(url)).as(url).isInstanceOf(OutgoingAddresses.RefusedAddress.class)
                    .hasMessageContaining("private");
        }
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentialsAreTaken() {
        for (String url : new String[] {"ftp://93.184.216.34/", "file:///etc/passwd", "http:///v1", "https://user:secret@93.184.216.34/", "not a url", ""}) {
            assertThatThrownBy(() -> open.require(url)).as(url).isInstanceOf(OutgoingAddresses.RefusedAddress.class)
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void publicAddressesPassAndTheSettingAllowsThePrivateNetwork() throws Exception {
        assertThat(guarded.require("https://93.184.216.34/v1").getHost()).isEqualTo("93.184.216.34");
        assertThat(guarded.require("http://[2606:4700::1111]/v1")).isNotNull();
        assertThat(open.require("http://127.0.0.1:11434/v1").getPort()).isEqualTo(11434);
        assertThat(open.require("http://192.168.1.10/v1")).isNotNull();
        assertThat(OutgoingAddresses.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(OutgoingAddresses.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
    }
}
