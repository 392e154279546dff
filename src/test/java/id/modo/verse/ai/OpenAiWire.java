package id.modo.verse.ai;

import tools.jackson.databind.json.JsonMapper;

/** OpenAI's and Anthropic's answers as their API references show them, for the gateway's tests in the running app. */
public final class OpenAiWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {
    }

    /** A chat completion whose message is {@code content}, having used 19 prompt and 10 completion tokens. */
    public static String completion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                          "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                          "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                 "service_tier":"default"}""".formatted(JSON.writeValueAsString(content));
    }

    /** A streamed chat completion: one chunk per token, the finish, the usage chunk, then {@code [DONE]}. */
    public static String stream(String... tokens) {
        StringBuilder events = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String token : tokens) {
            events.append(chunk("{\"content\":" + JSON.writeValueAsString(token) + "}", "null"));
        }
        events.append(chunk("{}", "\"stop\""));
        events.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":" + tokens.length + ",\"total_tokens\":" + (19 + tokens.length) + "}}\n\n");
        return events.append("data: [DONE]\n\n").toString();
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    /** An image generation answer carrying {@code base64} PNG bytes. */
    public static String image(String base64) {
        return """
                {"created":1713833628,"data":[{"b64_json":"%s"}],
                 "usage":{"total_tokens":100,"input_tokens":50,"output_tokens":50,"input_tokens_details":{"text_tokens":10,"image_tokens":40}}}"""
                .formatted(base64);
    }

    /** An Anthropic Messages answer with {@code text}. */
    public static String anthropicMessage(String text) {
        return """
                {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":25,"output_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}"""
                .formatted(JSON.writeValueAsString(text));
    }

    /** OpenAI's error body for a server error. */
    public static final String SERVER_ERROR = """
            {"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}""";
}
