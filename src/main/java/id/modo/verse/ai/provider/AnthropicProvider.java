package id.modo.verse.ai.provider;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.Timeout;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.JsonOutputFormat;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.OutputConfig;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.models.ModelListParams;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Anthropic's Messages API through its official SDK; it has no image output. */
public final class AnthropicProvider implements Provider {

    private static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com";

    private final Clock clock;
    private final ClientCache<AnthropicClient> clients = new ClientCache<>(AnthropicProvider::client);

    public AnthropicProvider(Clock clock) {
        this.clock = clock;
    }

    private static AnthropicClient client(Connection connection) {
        return AnthropicOkHttpClient.builder()
                .apiKey(connection.apiKey())
                .baseUrl(connection.baseUrl() == null ? ANTHROPIC_BASE_URL : connection.baseUrl())
                .timeout(connection.timeout())
                .maxRetries(0)
                .build();
    }

    /** The connection's timeout between bytes rather than for the whole answer (Connection). */
    private static RequestOptions streamOptions(Connection connection) {
        return RequestOptions.builder().timeout(Timeout.builder().connect(connection.timeout()).read(connection.timeout())
                .write(connection.timeout()).request(connection.streamLimit()).build()).build();
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.ANTHROPIC;
    }

    @Override
    public TextResult complete(Connection connection, TextRequest request) {
        Message message = call(() -> clients.get(connection).messages().create(params(request)));
        String text = message.content().stream().flatMap(block -> block.text().stream()).map(TextBlock::text).collect(Collectors.joining());
        if (message.content().stream().noneMatch(ContentBlock::isText)) {
            throw ProviderFailure.badResponse("The answer has no text");
        }
        return new TextResult(text,
                new TokenUsage(message.usage().inputTokens(), message.usage().outputTokens()));
    }

    @Override
    public TextResult stream(Connection connection, TextRequest request, Consumer<String> tokens, StopSignal stop) {
        StreamedAnswer answer = new StreamedAnswer(tokens, stop);
        long[] input = {0};
        return answer.read(() -> call(() -> {
            try (StreamResponse<RawMessageStreamEvent> events = answer.opened(clients.get(connection).messages()
                    .createStreaming(params(request), streamOptions(connection)))) {
                events.stream().forEach(event -> {
                    event.messageStart().ifPresent(start -> {
                        input[0] = start.message().usage().inputTokens();
                        answer.usage(new TokenUsage(input[0], start.message().usage().outputTokens()));
                    });
                    event.contentBlockDelta().flatMap(delta -> delta.delta().text()).ifPresent(delta -> answer.token(delta.text()));
                    // message_delta carries the final, cumulative output count.
                    event.messageDelta().ifPresent(delta -> answer.usage(new TokenUsage(input[0], delta.usage().outputTokens())));
                    if (event.isMessageStop()) {
                        answer.ended();
                    }
                });
            }
            return null;
        }));
    }

    @Override
    public ImageResult image(Connection connection, ImageRequest request) {
        throw ProviderFailure.badResponse("Anthropic's models make no images");
    }

    @Override
    public void validate(Connection connection) {
        call(() -> clients.get(connection).models().list(ModelListParams.builder().limit(1L).build()).data());
    }

    private static MessageCreateParams params(TextRequest request) {
        MessageCreateParams.Builder params = MessageCreateParams.builder()
                .model(request.model())
                .maxTokens(request.maxOutputTokens())
                .addUserMessage(request.prompt());
        if (request.system() != null) {
            params.system(request.system());
        }
        if (request.schema() != null) {
            JsonOutputFormat.Schema.Builder schema = JsonOutputFormat.Schema.builder();
            request.schema().schema().forEach((name, value) -> schema.putAdditionalProperty(name, JsonValue.from(value)));
            params.outputConfig(OutputConfig.builder().format(JsonOutputFormat.builder().schema(schema.build()).build()).build());
        }
        return params.build();
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (AnthropicServiceException e) {
            throw HttpFailures.of(kind(), e.statusCode(), RetryAfter.parse(e.headers().values("retry-after"), clock), e);
        } catch (AnthropicIoException e) {
            throw HttpFailures.unreachable(kind(), e);
        } catch (AnthropicException e) {
            throw new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, "anthropic answered something unreadable", null, e);
        }
    }
}
