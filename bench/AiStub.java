import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * A local server speaking OpenAI's wire format for the AI benchmarks (bench/ai-gateway.sh, bench/ai-image-jobs.sh): chat
 * completions (whole, with the usage block) after TEXT_DELAY_MS, image generations (gpt-image-1's b64_json) after
 * IMAGE_DELAY_MS, and a count of the calls it served at GET /stats: {@code images_distinct} counts different image
 * request bodies, so {@code images - images_distinct} is how many generations were asked for again (a job run twice,
 * say after its node was killed). One virtual thread per request, so its own cost stays out of the figures.
 * Usage: java bench/AiStub.java PORT [TEXT_DELAY_MS] [IMAGE_DELAY_MS]
 */
public class AiStub {

    static final AtomicLong chats = new AtomicLong();
    static final AtomicLong images = new AtomicLong();
    /** Each image request body with the times (ms) it arrived and was answered, to tell re-calls apart. */
    static final ConcurrentHashMap<String, java.util.List<String>> imageBodies = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long textDelay = args.length > 1 ? Long.parseLong(args[1]) : 0;
        long imageDelay = args.length > 2 ? Long.parseLong(args[2]) : 500;
        String png = Base64.getEncoder().encodeToString(png());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            sleep(textDelay);
            chats.incrementAndGet();
            long created = System.currentTimeMillis() / 1000;
            send(exchange, """
                    {"id":"chatcmpl-%s","object":"chat.completion","created":%d,"model":"gpt-4.1-mini-2025-04-14",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"A young mouse deer outwits the crocodiles of the \
                    great river to reach the forest where his sister is held, and learns that cleverness is worth most when it is shared.",\
                    "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":212,"completion_tokens":41,"total_tokens":253,
                      "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                     "service_tier":"default","system_fingerprint":"fp_bench"}""".formatted(UUID.randomUUID(), created));
        });
        server.createContext("/v1/images/generations", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long arrived = System.currentTimeMillis();
            sleep(imageDelay);
            images.incrementAndGet();
            imageBodies.computeIfAbsent(request, body -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                    .add(arrived + "-" + System.currentTimeMillis());
            send(exchange, """
                    {"created":%d,"data":[{"b64_json":"%s"}],"background":"opaque","output_format":"png","quality":"low","size":"1024x1024",
                     "usage":{"input_tokens":50,"input_tokens_details":{"image_tokens":0,"text_tokens":50},"output_tokens":272,"total_tokens":322}}"""
                    .formatted(System.currentTimeMillis() / 1000, png));
        });
        server.createContext("/v1/models", exchange -> send(exchange, """
                {"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1744316542,"owned_by":"system"}]}"""));
        // The image requests that came more than once: their prompt and when each arrived and was answered.
        server.createContext("/stats/repeats", exchange -> send(exchange, imageBodies.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "{\"request\":%s,\"times\":\"%s\"}".formatted(entry.getKey(), String.join(" ", entry.getValue())))
                .collect(java.util.stream.Collectors.joining(",\n", "[", "]"))));
        server.createContext("/stats", exchange -> send(exchange,
                "{\"chats\":%d,\"images\":%d,\"images_distinct\":%d}".formatted(chats.get(), images.get(), imageBodies.size())));
        server.start();
        System.out.println("AI stub on http://127.0.0.1:" + port + "/v1 (text " + textDelay + " ms, images " + imageDelay + " ms)");
    }

    static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
