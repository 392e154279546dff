package id.modo.verse.ai.provider;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Blob;
import com.google.genai.types.Candidate;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.ListModelsConfig;
import com.google.genai.types.Part;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Google's Gemini API (generateContent, streamGenerateContent over SSE) through its official SDK; image output
 * comes from the models that offer it (such as gemini-2.5-flash-image). The SDK passes on neither a 429's
 * {@code Retry-After} nor the RetryInfo in its body, so {@link GeminiRetryInfo} reads them off the HTTP client.
 */
public final class GeminiProvider implements Provider {

    private final ClientCache<Client> clients = new ClientCache<>(this::client);
    private final ClientCache<Client> streamClients = new ClientCache<>(this::streamClient);
    private final GeminiRetryInfo retryInfo;

    public GeminiProvider(Clock clock) {
        this.retryInfo = new GeminiRetryInfo(clock);
    }

    private Client client(Connection connection) {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(retryInfo).build();
        return Client.builder().vertexAI(false).apiKey(connection.apiKey())
                .httpOptions(http(connection).timeout(Math.toIntExact(connection.timeout().toMillis())).build())
                .clientOptions(ClientOptions.builder().customHttpClient(http).build()).build();
    }

    /**
     * The SDK's own timeout bounds the whole call, which would cut a long answer that keeps coming; streams get an
     * HTTP client whose timeout runs between bytes instead (Connection), and the stream limit in all.
     */
    private Client streamClient(Connection connection) {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(retryInfo).connectTimeout(connection.timeout())
                .readTimeout(connection.timeout()).writeTimeout(connection.timeout()).callTimeout(connection.streamLimit()).build();
        return Client.builder().vertexAI(false).apiKey(connection.apiKey()).httpOptions(http(connection).build())
                .clientOptions(ClientOptions.builder().customHttpClient(http).build()).build();
    }

    private static HttpOptions.Builder http(Connection connection) {
        HttpOptions.Builder http = HttpOptions.builder().retryOptions(HttpRetryOptions.builder().attempts(1).build());
        if (connection.baseUrl() != null) {
            http.baseUrl(connection.baseUrl());
        }
        return http;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GEMINI;
    }

    @Override
    public TextResult complete(Connection connection, TextRequest request) {
        GenerateContentResponse response = call(() -> clients.get(connection).models.generateContent(request.model(), request.prompt(), config(request)));
        String text = texts(response);
        if (text.isEmpty()) {
            throw ProviderFailure.badResponse("The answer has no text");
        }
        return new TextResult(text, usage(response.usageMetadata()));
    }

    @Override
    public TextResult stream(Connection connection, TextRequest request, Consumer<String> tokens, StopSignal stop) {
        StreamedAnswer answer = new StreamedAnswer(tokens, stop);
        return answer.read(() -> call(() -> {
            try (ResponseStream<GenerateContentResponse> chunks = answer.opened(streamClients.get(connection).models
                    .generateContentStream(request.model(), request.prompt(), config(request)))) {
                for (GenerateContentResponse chunk : chunks) {
                    answer.token(texts(chunk));
                    if (candidate(chunk).flatMap(Candidate::finishReason).isPresent()) {
                        answer.ended();
                    }
                    if (chunk.usageMetadata().isPresent()) {
                        answer.usage(usage(chunk.usageMetadata()));
                    }
                }
            }
            return null;
        }));
    }

    @Override
    public ImageResult image(Connection connection, ImageRequest request) {
        GenerateContentConfig config = GenerateContentConfig.builder().responseModalities("TEXT", "IMAGE").build();
        GenerateContentResponse response = call(() -> clients.get(connection).models.generateContent(request.model(), request.prompt(), config));
        Blob image = parts(response).stream().flatMap(part -> part.inlineData().stream())
                .filter(blob -> blob.data().isPresent())
                .findFirst()
                .orElseThrow(() -> ProviderFailure.badResponse("The answer has no image"));
        return new ImageResult(image.data().orElseThrow(), image.mimeType().orElse("image/png"), usage(response.usageMetadata()));
    }

    @Override
    public void validate(Connection connection) {
        // The pager reads its first page when it is made.
        call(() -> clients.get(connection).models.list(ListModelsConfig.builder().pageSize(1).build()).page());
    }

    private static GenerateContentConfig config(TextRequest request) {
        GenerateContentConfig.Builder config = GenerateContentConfig.builder().maxOutputTokens(request.maxOutputTokens());
        if (request.system() != null) {
            config.systemInstruction(Content.fromParts(Part.fromText(request.system())));
        }
        if (request.schema() != null) {
            config.responseMimeType("application/json").responseJsonSchema(request.schema().schema());
        }
        return config.build();
    }

    private static Optional<Candidate> candidate(GenerateContentResponse response) {
        return response.candidates().flatMap(candidates -> candidates.stream().findFirst());
    }

    private static List<Part> parts(GenerateContentResponse response) {
        return candidate(response).flatMap(Candidate::content).flatMap(Content::parts).orElse(List.of());
    }

    private static String texts(GenerateContentResponse response) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts(response)) {
            // Thought summaries are the model's working, not the answer.
            if (!part.thought().orElse(false)) {
                part.text().ifPresent(text::append);
            }
        }
        return text.toString();
    }

    private static TokenUsage usage(Optional<GenerateContentResponseUsageMetadata> metadata) {
        return metadata.map(used -> new TokenUsage(used.promptTokenCount().orElse(0),
                // Gemini bills thinking tokens as output.
                used.candidatesTokenCount().orElse(0) + used.thoughtsTokenCount().orElse(0))).orElse(TokenUsage.NONE);
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            // Gemini answers a wrong key with 400 INVALID_ARGUMENT ("API key not valid"), not 401.
            int status = e.code() == 400 && String.valueOf(e.getMessage()).contains("API key not valid") ? 401 : e.code();
            throw HttpFailures.of(kind(), status, null, e);
        } catch (GenAiIOException e) {
            if (e.getCause() instanceof GeminiRetryInfo.RateLimited limited) {
                throw HttpFailures.of(kind(), 429, limited.retryAfter(), e);
            }
            if (e.getCause() instanceof IOException && !(e.getCause() instanceof com.fasterxml.jackson.core.JacksonException)) {
                throw HttpFailures.unreachable(kind(), e);
            }
            throw new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, "gemini answered something unreadable", null, e);
        } catch (IllegalStateException e) {
            throw new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, "gemini answered something unreadable", null, e);
        }
    }
}
