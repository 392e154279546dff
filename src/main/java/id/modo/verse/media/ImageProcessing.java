package id.modo.verse.media;

import id.modo.verse.common.ProblemException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Re-encodes uploaded images so no metadata (EXIF with GPS positions, camera serials, comments) is
 * kept, turned as the camera's orientation tag said, and makes their thumbnails.
 */
final class ImageProcessing {

    private final long maxPixels;
    private final int thumbnailSize;

    ImageProcessing(long maxPixels, int thumbnailSize) {
        this.maxPixels = maxPixels;
        this.thumbnailSize = thumbnailSize;
    }

    /** The re-encoded image and its thumbnail, both new files next to the source. */
    record Result(Path image, String mimeType, int width, int height, Path thumbnail) {
    }

    Result process(Path source, String detectedType) throws IOException {
        checkDimensions(source);
        BufferedImage image;
        try {
            image = Thumbnails.of(source.toFile()).scale(1.0).useExifOrientation(true).asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
        // JPEG stays JPEG (photos); everything else becomes PNG, which keeps transparency and is lossless.
        boolean jpeg = detectedType.equals("image/jpeg") && !image.getColorModel().hasAlpha();
        String format = jpeg ? "jpg" : "png";
        Path encoded = source.resolveSibling(source.getFileName() + ".enc." + format);
        Path thumbnail = source.resolveSibling(source.getFileName() + ".thumb." + format);
        Thumbnails.Builder<BufferedImage> main = Thumbnails.of(image).scale(1.0).outputFormat(format);
        if (jpeg) {
            main.outputQuality(0.92);
        }
        main.toFile(encoded.toFile());
        Thumbnails.of(image).size(thumbnailSize, thumbnailSize).keepAspectRatio(true).outputFormat(format).toFile(thumbnail.toFile());
        return new Result(encoded, jpeg ? "image/jpeg" : "image/png", image.getWidth(), image.getHeight(), thumbnail);
    }

    /** Reads only the header: a 50,000 x 50,000 PNG of a few kilobytes would take 10 GB once decoded. */
    private void checkDimensions(Path source) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw unreadable();
                }
                if (width * height > maxPixels) {
                    throw new ProblemException(MediaProblems.TOO_MANY_PIXELS, "This image is " + width + " x " + height
                            + " pixels; at most " + maxPixels + " pixels are accepted.");
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ProblemException problem) {
                    throw problem;
                }
                throw unreadable();
            } finally {
                reader.dispose();
            }
        }
    }

    private static ProblemException unreadable() {
        return new ProblemException(MediaProblems.UNREADABLE_IMAGE, "The file looks like an image but could not be decoded.");
    }
}
