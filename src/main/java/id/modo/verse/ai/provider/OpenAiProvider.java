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
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * OpenAI's chat completions, image generation and Videos API (create, retrieve, download content) through its official SDK; with {@link ProviderKind#COMPATIBLE}
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
    public VideoJob createVideo(Connection connection, VideoRequest request) {
        VideoCreateParams.Builder params = VideoCreateParams.builder().model(request.model()).prompt(request.prompt())
                .seconds(VideoSeconds.of(String.valueOf(request.seconds())));
        if (request.size() != null) {
            params.size(VideoSize.of(request.size()));
        }
        return job(call(() -> clients.get(connection).videos().create(params.build())));
    }

    @Override
    public VideoJob video(Connection connection, String id) {
        return job(call(() -> clients.get(connection).videos().retrieve(id)));
    }

    @Override
    public void downloadVideo(Connection connection, String id, Path target) {
        call(() -> {
            // Bounded like a stream: a long download that keeps coming is not a provider that stopped answering.
            try (HttpResponse response = clients.get(connection).videos().downloadContent(id,
                    com.openai.models.videos.VideoDownloadContentParams.none(), streamOptions(connection)); InputStream body = response.body()) {
                Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private VideoJob job(Video video) {
        VideoJob.State state = switch (video.status().asString()) {
            case "queued" -> VideoJob.State.QUEUED;
            case "in_progress" -> VideoJob.State.IN_PROGRESS;
            case "completed" -> VideoJob.State.COMPLETED;
            case "failed" -> VideoJob.State.FAILED;
            default -> throw ProviderFailure.badResponse(kind.key() + " answered a video status it does not document: " + video.status().asString());
        };
        String error = video.error().map(failed -> failed.message() + " (" + failed.code() + ")").orElse(null);
        return new VideoJob(video.id(), state, (int) Math.max(0, Math.min(100, video.progress())), error);
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
        } catch (OpenAIIoException | UncheckedIOException e) {
            throw HttpFailures.unreachable(kind, e);
        } catch (OpenAIException e) {
            throw new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, kind.key() + " answered something unreadable", null, e);
        }
    }
}
