package id.modo.verse.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions list names devices as people know them, from the agents browsers really send. */
class UserAgentsTests {

    @Test
    void browsersAndSystemsAreNamed() {
        assertThat(UserAgents.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"))
                .isEqualTo("Chrome 131 · Windows");
        assertThat(UserAgents.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"))
                .isEqualTo("Edge 131 · Windows");
        assertThat(UserAgents.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari 17 · iPhone");
        assertThat(UserAgents.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"))
                .isEqualTo("Safari 18 · macOS");
        assertThat(UserAgents.describe("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox 133 · Linux");
        assertThat(UserAgents.describe("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"))
                .isEqualTo("Samsung Internet 26 · Android");
    }

    @Test
    void otherClientsKeepTheirFirstWordAndNothingIsNothing() {
        assertThat(UserAgents.describe("curl/8.5.0")).isEqualTo("curl/8.5.0");
        assertThat(UserAgents.describe("Java-http-client/25")).isEqualTo("Java-http-client/25");
        assertThat(UserAgents.describe("  ")).isNull();
        assertThat(UserAgents.describe(null)).isNull();
    }

    @Test
    void theLoopbackIsLocalhost() {
        assertThat(UserAgents.address("0:0:0:0:0:0:0:1")).isEqualTo("localhost");
        assertThat(UserAgents.address("::1")).isEqualTo("localhost");
        assertThat(UserAgents.address("127.0.0.1")).isEqualTo("localhost");
        assertThat(UserAgents.address("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(UserAgents.address("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(UserAgents.address(null)).isNull();
    }
}
