package id.modo.verse.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Small real files for upload tests, made in memory. */
final class MediaTestFiles {

    private MediaTestFiles() {
    }

    static byte[] png(int width, int height) {
        return encode(image(width, height), "png");
    }

    static byte[] jpeg(int width, int height) {
        return encode(image(width, height), "jpg");
    }

    /**
     * A JPEG with an EXIF APP1 segment right after SOI, holding a camera model and a text marker a
     * re-encoded image must not keep.
     */
    static byte[] jpegWithExif(int width, int height, String marker) {
        byte[] plain = jpeg(width, height);
        byte[] text = (marker + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF header (big-endian), one IFD entry: 0x0110 Model, ASCII, pointing past the IFD.
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + text.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0110).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 12 + 4)
                .putInt(0).put(text);
        byte[] exifBody = tiff.array();
        int length = 2 + 6 + exifBody.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(exifBody);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><head><script>alert(1)</script></head><body></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG header claiming 60,000 x 60,000 pixels: decoding it would need gigabytes. */
    static byte[] pngBomb() {
        byte[] small = png(8, 8);
        ByteBuffer buffer = ByteBuffer.wrap(small);
        // IHDR width and height sit at offsets 16 and 20; the CRC no longer matches, which a header read does not check.
        buffer.putInt(16, 60_000);
        buffer.putInt(20, 60_000);
        return small;
    }

    private static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
