package id.modo.verse.media;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over an asset id and an expiry: whoever holds the URL may fetch that asset (all its
 * variants) until then, and nobody can stretch the expiry or point it at another asset.
 */
final class SignedUrls {

    private final byte[] key;

    SignedUrls(byte[] key) {
        this.key = key.clone();
    }

    String sign(AssetId asset, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((asset.value() + ":" + expiresEpochSecond).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    enum Check { VALID, INVALID, EXPIRED }

    Check check(AssetId asset, String expires, String signature, Instant now) {
        if (expires == null || signature == null || expires.length() > 12 || !expires.chars().allMatch(Character::isDigit)
                || expires.isEmpty()) {
            return Check.INVALID;
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = sign(asset, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return now.getEpochSecond() < expiry ? Check.VALID : Check.EXPIRED;
    }
}
