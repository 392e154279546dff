package id.modo.verse.ai.provider;

/** The providers' documented answers to listing models, and to a wrong key, shared by the adapter and API tests. */
public final class ProviderValidationBodies {

    private ProviderValidationBodies() {
    }

    /** GET /v1/models as OpenAI's API reference shows it. */
    public static final String OPENAI_MODELS = """
            {"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1744318173,"owned_by":"system"},
             {"id":"gpt-image-1","object":"model","created":1745517030,"owned_by":"system"}]}""";
    public static final String OPENAI_401 = """
            {"error":{"message":"Incorrect API key provided: sk-test-****1234. You can find your API key at \
            https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""";
    /** GET /v1/models as Anthropic's API reference shows it. */
    public static final String ANTHROPIC_MODELS = """
            {"data":[{"created_at":"2025-09-29T00:00:00Z","display_name":"Claude Sonnet 4.5","id":"claude-sonnet-4-5-20250929","type":"model"}],
             "first_id":"claude-sonnet-4-5-20250929","has_more":true,"last_id":"claude-sonnet-4-5-20250929"}""";
    public static final String ANTHROPIC_401 = """
            {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}""";
    /** GET /v1beta/models as Google's Gemini API reference shows it. */
    public static final String GEMINI_MODELS = """
            {"models":[{"name":"models/gemini-2.5-flash","version":"001","displayName":"Gemini 2.5 Flash",
              "description":"Stable version of Gemini 2.5 Flash","inputTokenLimit":1048576,"outputTokenLimit":65536,
              "supportedGenerationMethods":["generateContent","countTokens","createCachedContent","batchGenerateContent"],
              "temperature":1,"topP":0.95,"topK":64,"maxTemperature":2,"thinking":true}],
             "nextPageToken":"Chdtb2RlbHMvZ2VtaW5pLTIuNS1mbGFzaA=="}""";
    /** What Gemini answers a wrong key with: 400, not 401, with the reason API_KEY_INVALID. */
    public static final String GEMINI_BAD_KEY = """
            {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
             "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com",
             "metadata":{"service":"generativelanguage.googleapis.com"}}]}}""";
    public static final String GEMINI_403 = """
            {"error":{"code":403,"message":"Method doesn't allow unregistered callers (callers without established identity). \
            Please use API Key or other form of API consumer identity to call this API.","status":"PERMISSION_DENIED"}}""";
}
