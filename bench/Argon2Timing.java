import java.util.Arrays;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Times one Argon2id verification with the app's parameters (m=19456 KiB, t=2, p=1): the cost inside a sign-in. */
public class Argon2Timing {
    public static void main(String[] args) {
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        String hash = encoder.encode("Bench-Mark-Jakarta-2026");
        for (int i = 0; i < 5; i++) {
            encoder.matches("Bench-Mark-Jakarta-2026", hash);
        }
        long[] ms = new long[30];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            encoder.matches("Bench-Mark-Jakarta-2026", hash);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.println("Argon2id verification alone, p50 over 30: " + ms[ms.length / 2] + " ms");
    }
}
