package id.modo.verse.common.web;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTests {

    @Test
    void addressesMatchOnlyThemselves() {
        Pattern proxies = Pattern.compile(TrustedProxies.regex(List.of("10.0.0.7", "::1")));
        assertThat(proxies.matcher("10.0.0.7").matches()).isTrue();
        assertThat(proxies.matcher("0:0:0:0:0:0:0:1").matches()).as("as Tomcat prints IPv6").isTrue();
        assertThat(proxies.matcher("10.0.0.70").matches()).isFalse();
        assertThat(proxies.matcher("10.0.0.7x").matches()).isFalse();
        assertThat(proxies.matcher("110.0.0.7").matches()).isFalse();
        assertThat(proxies.matcher("10a0b0c7").matches()).as("dots are literal").isFalse();
    }

    @Test
    void ipv4RangesMatchTheirWholeRangeAndNothingElse() {
        Pattern docker = Pattern.compile(TrustedProxies.regex(List.of("172.16.0.0/12")));
        assertThat(docker.matcher("172.16.0.1").matches()).isTrue();
        assertThat(docker.matcher("172.31.255.255").matches()).isTrue();
        assertThat(docker.matcher("172.32.0.1").matches()).isFalse();
        assertThat(docker.matcher("172.15.255.255").matches()).isFalse();
        assertThat(docker.matcher("172.16.0.256").matches()).isFalse();

        Pattern small = Pattern.compile(TrustedProxies.regex(List.of("192.168.1.64/26")));
        assertThat(small.matcher("192.168.1.64").matches()).isTrue();
        assertThat(small.matcher("192.168.1.127").matches()).isTrue();
        assertThat(small.matcher("192.168.1.128").matches()).isFalse();
        assertThat(small.matcher("192.168.1.63").matches()).isFalse();

        Pattern all = Pattern.compile(TrustedProxies.regex(List.of("0.0.0.0/0")));
        assertThat(all.matcher("8.8.8.8").matches()).isTrue();
        assertThat(all.matcher("999.1.1.1").matches()).isFalse();

        Pattern one = Pattern.compile(TrustedProxies.regex(List.of("10.1.2.3/32")));
        assertThat(one.matcher("10.1.2.3").matches()).isTrue();
        assertThat(one.matcher("10.1.2.4").matches()).isFalse();
    }

    @Test
    void aWrongEntryIsNamed() {
        for (String wrong : List.of("proxy.example", "localhost", "10.0.0.0/33", "10.0.0.1/x", "fe80::/10", "10.0.0.0/-1", "")) {
            assertThatThrownBy(() -> TrustedProxies.regex(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODO_TRUSTED_PROXIES");
        }
    }
}
