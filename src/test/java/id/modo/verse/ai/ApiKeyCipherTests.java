package id.modo.verse.ai;

import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyCipherTests {

    static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    final ApiKeyCipher cipher = new ApiKeyCipher(key());
    final UUID row = UUID.randomUUID();

    @Test
    void aKeyComesBackOnlyForItsRowUnderItsMasterKey() {
        String stored = cipher.encrypt(row, "sk-proj-abcdef1234");

        assertThat(stored).doesNotContain("sk-proj").doesNotContain("1234");
        assertThat(cipher.decrypt(row, stored)).isEqualTo("sk-proj-abcdef1234");
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ApiKeyCipher(key()).decrypt(row, stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        assertThat(cipher.encrypt(row, "sk-same")).isNotEqualTo(cipher.encrypt(row, "sk-same"));
    }

    @Test
    void aMasterKeyIs32Bytes() {
        assertThatThrownBy(() -> new ApiKeyCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
