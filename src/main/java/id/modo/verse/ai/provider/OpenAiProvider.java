package id.modo.verse.ai.provider;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.images.Image;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * OpenAI's chat completions and image generation through its official SDK; with {@link ProviderKind#COMPATIBLE}
 * the same calls go to any server that speaks them at its own base URL (Ollama, LM Studio, vLLM, llama.cpp).
 */
public final class OpenAiProvider implements Provider {

    private static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    private final ProviderKind kind;
    private final Clock clock;
    private final ClientCache<OpenAIClient> clients = new ClientCache<>(OpenAiProvider::client);

    public OpenAiProvider(ProviderKind kind, Clock clock) {
        if (kind != ProviderKind.OPENAI && kind != ProviderKind.COMPATIBLE) {
            throw new IllegalArgumentException("OpenAI's API serves openai and compatible, not " + kind.key());
        }
        this.kind = kind;
        this.clock = clock;
    }

    private static OpenAIClient client(Connection connection) {
        return OpenAIOkHttpClient.builder()
                // A local server asks for no key, but the SDK wants one to send.
                .apiKey(connection.apiKey() == null || connection.apiKey().isBlank() ? "none" : connection.apiKey())
                .baseUrl(connection.baseUrl() == null ? OPENAI_BASE_URL : connection.baseUrl())
                .timeout(connection.timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public ProviderKind kind() {
        return kind;
    }

    @Override
    public TextResult complete(Connection connection, TextRequest request) {
        ChatCompletion completion = call(() -> clients.get(connection).chat().completions().create(params(request, false)));
        ChatCompletion.Choice choice = completion.choices().stream().findFirst()
                .orElseThrow(() -> ProviderFailure.badResponse("The answer has no choices"));
        String text = choice.message().content().orElseThrow(() -> ProviderFailure.badResponse("The answer has no content"));
        return new TextResult(text, usage(completion.usage()));
    }

    @Override
    public TextResult stream(Connection connection, TextRequest request, Consumer<String> tokens, StopSignal stop) {
        StreamedAnswer answer = new StreamedAnswer(tokens, stop);
        return answer.read(() -> call(() -> {
            try (StreamResponse<ChatCompletionChunk> chunks = answer.opened(clients.get(connection).chat().completions()
                    .createStreaming(params(request, true), streamOptions(connection)))) {
                chunks.stream().forEach(chunk -> {
                    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                        choice.delta().content().ifPresent(answer::token);
                        if (choice.finishReason().isPresent()) {
                            answer.ended();
                        }
                    }
                    chunk.usage().ifPresent(reported -> answer.usage(usage(Optional.of(reported))));
                });
            }
            return null;
        }));
    }

    /** The connection's timeout between bytes rather than for the whole answer (Connection). */
    private static RequestOptions streamOptions(Connection connection) {
        return RequestOptions.builder().timeout(Timeout.builder().connect(connection.timeout()).read(connection.timeout())
                .write(connection.timeout()).request(connection.streamLimit()).build()).build();
    }

    @Override
    public ImageResult image(Connection connection, ImageRequest request) {
        ImageGenerateParams.Builder params = ImageGenerateParams.builder().model(request.model()).prompt(request.prompt()).n(1);
        if (request.size() != null) {
            params.size(ImageGenerateParams.Size.of(request.size()));
        }
        ImagesResponse response = call(() -> clients.get(connection).images().generate(params.build()));
        Image image = response.data().flatMap(data -> data.stream().findFirst())
                .orElseThrow(() -> ProviderFailure.badResponse("The answer has no image"));
        String base64 = image.b64Json().orElseThrow(() -> ProviderFailure.badResponse("The answer has no image data"));
        TokenUsage usage = response.usage().map(used -> new TokenUsage(used.inputTokens(), used.outputTokens())).orElse(TokenUsage.NONE);
        try {
            return new ImageResult(Base64.getDecoder().decode(base64), "image/png", usage);
        } catch (IllegalArgumentException e) {
            throw ProviderFailure.badResponse("The image data is not base64");
        }
    }

    @Override
    public void validate(Connection connection) {
        // One model is enough to know the key is taken; the list itself is not needed.
        call(() -> clients.get(connection).models().list().data());
    }

    private ChatCompletionCreateParams params(TextRequest request, boolean streaming) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(request.model());
        if (request.system() != null) {
            params.addSystemMessage(request.system());
        }
        params.addUserMessage(request.prompt());
        if (kind == ProviderKind.OPENAI) {
            params.maxCompletionTokens(request.maxOutputTokens());
        } else {
            // What Ollama, vLLM and llama.cpp read; OpenAI itself has renamed it.
            params.maxTokens(request.maxOutputTokens());
        }
        if (streaming) {
            params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        if (request.schema() != null) {
            ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
            request.schema().schema().forEach((name, value) -> schema.putAdditionalProperty(name, JsonValue.from(value)));
            params.responseFormat(ResponseFormatJsonSchema.builder()
                    .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name(request.schema().name()).strict(true).schema(schema.build()).build())
                    .build());
        }
        return params.build();
    }

    private static TokenUsage usage(Optional<CompletionUsage> usage) {
        return usage.map(used -> new TokenUsage(used.promptTokens(), used.completionTokens())).orElse(TokenUsage.NONE);
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OpenAIServiceException e) {
            throw HttpFailures.of(kind, e.statusCode(), RetryAfter.parse(e.headers().values("retry-after"), clock), e);
        } catch (OpenAIIoException e) {
            throw HttpFailures.unreachable(kind, e);
        } catch (OpenAIException e) {
            throw new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, kind.key() + " answered something unreadable", null, e);
        }
    }
}
