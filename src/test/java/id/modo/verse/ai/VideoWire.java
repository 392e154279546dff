package id.modo.verse.ai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * OpenAI's Videos API as its reference shows it: the video object that {@code POST /v1/videos} and
 * {@code GET /v1/videos/{id}} answer (status queued, in_progress, completed or failed, with progress and, when failed,
 * the error), and an MP4 for {@code GET /v1/videos/{id}/content}.
 */
public final class VideoWire {

    private VideoWire() {
    }

    /** The video object of {@code id} in {@code status} ({@code queued}, {@code in_progress}, {@code completed}). */
    public static String video(String id, String status, int progress, String seconds) {
        String completed = "completed".equals(status) ? "1758941545" : "null";
        String expires = "completed".equals(status) ? "1759027945" : "null";
        return """
                {"id":"%s","object":"video","model":"sora-2","status":"%s","progress":%d,"created_at":1758941485,
                 "completed_at":%s,"expires_at":%s,"prompt":"A mouse-deer at the river","remixed_from_video_id":null,
                 "seconds":"%s","size":"1280x720","error":null}""".formatted(id, status, progress, completed, expires, seconds);
    }

    /** A video the provider could not make, with its documented error object. */
    public static String failed(String id, String code, String message) {
        return """
                {"id":"%s","object":"video","model":"sora-2","status":"failed","progress":0,"created_at":1758941485,
                 "completed_at":null,"expires_at":null,"prompt":"A mouse-deer at the river","remixed_from_video_id":null,
                 "seconds":"4","size":"1280x720","error":{"code":"%s","message":"%s"}}""".formatted(id, code, message);
    }

    /** OpenAI's error body for a refused request. */
    public static String error(String message, String param) {
        return """
                {"error":{"message":"%s","type":"invalid_request_error","param":"%s","code":null}}""".formatted(message, param);
    }

    /** The smallest file that is an MP4 to a media type sniffer: an {@code ftyp} box (isom) and an empty {@code mdat}. */
    public static byte[] mp4() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
        box(out, "free", new byte[0]);
        box(out, "mdat", new byte[] {0, 0, 0, 1, 9, 16});
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] body) {
        int size = 8 + body.length;
        out.write(size >>> 24);
        out.write(size >>> 16);
        out.write(size >>> 8);
        out.write(size);
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
    }
}
