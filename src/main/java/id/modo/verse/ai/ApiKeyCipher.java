package id.modo.verse.ai;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider keys with AES-256-GCM under the master key. Stored as base64 of a fresh 12-byte nonce followed
 * by the ciphertext and its tag; the row's id is the associated data, so a ciphertext copied into another row does
 * not open.
 */
final class ApiKeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ApiKeyCipher(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes (base64 of 32 random bytes), was " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey, "AES");
    }

    String encrypt(UUID row, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, row, plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** The key stored for {@code row}; an {@link IllegalStateException} when another master key sealed it or it was altered. */
    String decrypt(UUID row, String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("The stored key of " + row + " is too short to be one");
        }
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, row, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, UUID row, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(row.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored key of " + row + " does not open with this master key", e);
        }
    }
}
