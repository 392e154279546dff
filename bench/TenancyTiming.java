import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Whether the timing of a 404 tells an organization that exists (but is someone else's) from one
 * that does not. One signed-in caller, one connection, sequential requests; the four kinds of
 * request are interleaved in a shuffled order (fixed seed) so drift in the machine's load hits all
 * of them alike. "Someone else's" rotates over several organizations of other owners; "missing" is
 * a fresh random UUID each time.
 *
 * <p>Usage: {@code java bench/TenancyTiming.java <base url> <bearer token> <requests per kind> <warm-up per kind> <org id>...}
 */
public class TenancyTiming {

    record Kind(String name, boolean existing, String suffix) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int n = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        List<String> others = Arrays.asList(args).subList(4, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Kind> kinds = List.of(
                new Kind("GET /organizations/{someone else's}", true, ""),
                new Kind("GET /organizations/{random uuid}", false, ""),
                new Kind("GET /organizations/{someone else's}/members", true, "/members"),
                new Kind("GET /organizations/{random uuid}/members", false, "/members"));

        // The bodies must not differ beyond the path in "instance": same status, same fields, same words.
        for (Kind kind : kinds) {
            HttpResponse<String> response = call(client, base, token, target(kind, others, 0));
            String shape = response.statusCode() + " " + response.body().replaceAll("\"instance\":\"[^\"]*\"", "\"instance\":…");
            System.out.println("body " + kind.name() + ": " + shape);
        }

        Random random = new Random(20261125L);
        Map<Kind, long[]> nanos = new LinkedHashMap<>();
        kinds.forEach(kind -> nanos.put(kind, new long[n]));
        for (int round = -warmUp; round < n; round++) {
            List<Kind> order = new ArrayList<>(kinds);
            Collections.shuffle(order, random);
            for (Kind kind : order) {
                String path = target(kind, others, Math.floorMod(round, others.size()));
                long start = System.nanoTime();
                HttpResponse<String> response = call(client, base, token, path);
                long took = System.nanoTime() - start;
                if (response.statusCode() != 404) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
                if (round >= 0) {
                    nanos.get(kind)[round] = took;
                }
            }
        }

        System.out.printf("%-45s %9s %9s %9s %9s%n", "request (" + n + " each, after " + warmUp + " warm-up)", "median", "p95", "p99", "mean");
        for (Map.Entry<Kind, long[]> entry : nanos.entrySet()) {
            long[] sorted = entry.getValue().clone();
            Arrays.sort(sorted);
            System.out.printf("%-45s %9s %9s %9s %9s%n", entry.getKey().name(), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                    ms(percentile(sorted, 99)), ms((long) Arrays.stream(sorted).average().orElse(0)));
        }
        for (int i = 0; i < kinds.size(); i += 2) {
            long[] existing = sorted(nanos.get(kinds.get(i)));
            long[] missing = sorted(nanos.get(kinds.get(i + 1)));
            System.out.printf("difference (someone else's - missing)%s: median %s, p95 %s, p99 %s; Mann-Whitney z = %.2f%n",
                    kinds.get(i).suffix().isEmpty() ? "" : " on " + kinds.get(i).suffix(),
                    signedMs(percentile(existing, 50) - percentile(missing, 50)),
                    signedMs(percentile(existing, 95) - percentile(missing, 95)),
                    signedMs(percentile(existing, 99) - percentile(missing, 99)),
                    mannWhitneyZ(nanos.get(kinds.get(i)), nanos.get(kinds.get(i + 1))));
        }
    }

    private static String target(Kind kind, List<String> others, int index) {
        String org = kind.existing() ? others.get(index) : UUID.randomUUID().toString();
        return "/api/v1/organizations/" + org + kind.suffix();
    }

    private static HttpResponse<String> call(HttpClient client, String base, String token, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The normal approximation of the Mann-Whitney U statistic: |z| below about 2 means the two
     * samples' timings cannot be told apart at the 5 % level.
     */
    private static double mannWhitneyZ(long[] a, long[] b) {
        int n1 = a.length;
        int n2 = b.length;
        long[][] all = new long[n1 + n2][];
        for (int i = 0; i < n1; i++) {
            all[i] = new long[] {a[i], 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new long[] {b[i], 1};
        }
        Arrays.sort(all, (x, y) -> Long.compare(x[0], y[0]));
        double rankSumA = 0;
        for (int i = 0; i < all.length; ) {
            int j = i;
            while (j < all.length && all[j][0] == all[i][0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // ties share their mean rank
            for (int k = i; k < j; k++) {
                if (all[k][1] == 0) {
                    rankSumA += rank;
                }
            }
            i = j;
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2.0;
        double sd = Math.sqrt(n1 * (double) n2 * (n1 + n2 + 1) / 12.0);
        return (u - mean) / sd;
    }

    private static String ms(long nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }

    private static String signedMs(long nanos) {
        return String.format("%+.3f ms", nanos / 1e6);
    }
}
