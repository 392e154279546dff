package id.modo.verse.studio.bible;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import id.modo.verse.studio.character.CharacterPages;
import id.modo.verse.studio.character.RelationshipGraph;
import id.modo.verse.studio.character.RelationshipType;
import id.modo.verse.studio.script.FountainParser;
import id.modo.verse.studio.script.ScreenplayPdf;
import id.modo.verse.studio.section.SectionDisplay;
import id.modo.verse.studio.story.StoryContent;
import id.modo.verse.studio.story.StoryPageModels.BeatCard;
import id.modo.verse.studio.universe.UniversePages;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * IP bible PDF time beside the screenplay PDF's (bench/bible-pdf.sh runs it): a bible of 12 beats with key actions, 20
 * characters with their relationships and 24 pictures (12 character portraits, 12 moodboard frames, 640×480 JPEG),
 * every section, in one JVM with the screenplay PDF of a generated script of about as many pages; both timed over
 * {@code runs} runs after {@code warmup} warm-up runs, alternating, and compared in pages per second. The bible's time
 * is what its job spends after gathering: embedding the pictures' bytes, drawing the curve and the graph, laying out
 * and writing the PDF. Arguments: runs (default 10), warm-up runs (default 5).
 */
public class BiblePdfBench {

    private static final String[] WORDS = ("the a river crocodile mouse-deer forest rain lamp night she he they looks turns waits "
            + "runs across into under over slowly quietly storm bank rope island light old young kancil buaya laughs answers").split(" ");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Random random = new Random(42);
        List<byte[]> pictures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            pictures.add(picture(random, i));
        }
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/studio", "i18n/bible");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        BiblePdf pdf = new BiblePdf(TemplateEngine.createPrecompiled(ContentType.Html));
        Supplier<BibleDocument> bible = () -> document(random(7), pictures, messages);

        BiblePdf.Rendered sample = pdf.render(bible.get());
        Path out = Path.of("target", "bench-bible.pdf");
        Files.write(out, sample.pdf());
        String fountain = script(sample.pages(), new Random(42));
        byte[] script = screenplay(fountain);
        int scriptPages;
        try (PDDocument document = Loader.loadPDF(script)) {
            scriptPages = document.getNumberOfPages();
        }
        System.out.printf("bible: 12 beats, 20 characters, 24 pictures (%,d bytes of JPEG), %d pages, %,d bytes (%s)%n",
                pictures.stream().mapToInt(p -> p.length).sum(), sample.pages(), sample.pdf().length, out);
        System.out.printf("screenplay: %d pages, %,d bytes%n", scriptPages, script.length);

        for (int i = 0; i < warmup; i++) {
            pdf.render(bible.get());
            screenplay(fountain);
        }
        double[] bibleMs = new double[runs];
        double[] scriptMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pdf.render(bible.get());
            bibleMs[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            screenplay(fountain);
            scriptMs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(bibleMs);
        Arrays.sort(scriptMs);
        double biblePps = sample.pages() / (bibleMs[runs / 2] / 1000);
        double scriptPps = scriptPages / (scriptMs[runs / 2] / 1000);
        System.out.printf("bible PDF:      median %.0f ms (min %.0f, max %.0f), %.1f pages/s%n", bibleMs[runs / 2], bibleMs[0],
                bibleMs[runs - 1], biblePps);
        System.out.printf("screenplay PDF: median %.0f ms (min %.0f, max %.0f), %.1f pages/s%n", scriptMs[runs / 2], scriptMs[0],
                scriptMs[runs - 1], scriptPps);
        System.out.printf("bible / screenplay pages per second: %.3f (%d runs after %d warm-up, alternating)%n", biblePps / scriptPps, runs,
                warmup);
    }

    private static Random random(long seed) {
        return new Random(seed);
    }

    private static BibleDocument document(Random random, List<byte[]> pictures, ResourceBundleMessageSource messages) {
        List<String> embedded = pictures.stream().map(p -> "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(p)).toList();
        List<BeatCard> cards = new ArrayList<>();
        List<BibleDocument.Beat> beats = new ArrayList<>();
        List<BibleDocument.MoodboardBeat> moodboard = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            Integer intensity = b % 5 == 4 ? null : 1 + (b * 7) % 3;
            String text = sentence(random, 60);
            cards.add(new BeatCard("beat_" + b, "Beat " + (b + 1), 1 + b / 4, null, text, intensity));
            beats.add(new BibleDocument.Beat(b + 1, "Beat " + (b + 1), 1 + b / 4, text, intensity,
                    List.of(new BibleDocument.KeyAction("Character 1", sentence(random, 14)), new BibleDocument.KeyAction("Character 2",
                            sentence(random, 14)))));
            moodboard.add(new BibleDocument.MoodboardBeat((b + 1) + ". Beat " + (b + 1),
                    List.of(new BibleDocument.MoodboardItem(embedded.get(12 + b), sentence(random, 12), null, "completed"))));
        }
        List<RelationshipGraph.Node> nodes = new ArrayList<>();
        List<RelationshipGraph.Edge> edges = new ArrayList<>();
        List<CharacterPages.Profile> characters = new ArrayList<>();
        RelationshipType[] types = RelationshipType.values();
        for (int c = 0; c < 20; c++) {
            String name = "Character " + (c + 1);
            nodes.add(new RelationshipGraph.Node("c" + c, name, null));
            edges.add(new RelationshipGraph.Edge("c" + c, "c" + ((c + 1) % 20), types[c % types.length], sentence(random, 5)));
            List<SectionDisplay.Shown> sections = List.of(
                    new SectionDisplay.Shown("physiological", "Physiological", List.of(
                            new SectionDisplay.Field("age", "Age", String.valueOf(20 + c), null),
                            new SectionDisplay.Field("appearance", "Appearance", sentence(random, 30), null))),
                    new SectionDisplay.Shown("psychological", "Psychological", List.of(
                            new SectionDisplay.Field("fears", "Fears", sentence(random, 25), null),
                            new SectionDisplay.Field("desires", "Desires", sentence(random, 25), null))));
            characters.add(new CharacterPages.Profile(new CharacterPages.Card("c" + c, name, "Supporting", "Trickster",
                    c < 12 ? embedded.get(c) : null, 1), String.valueOf(20 + c), sections, sentence(random, 30), sentence(random, 20),
                    List.of(new CharacterPages.Relation("c" + ((c + 1) % 20), "Character " + ((c + 1) % 20 + 1), types[c % types.length].key(),
                            types[c % types.length].label(java.util.Locale.ENGLISH), sentence(random, 5)))));
        }
        RelationshipGraph.Texts texts = RelationshipGraph.Texts.english();
        String curve = BibleDrawings.curve(cards, levels(cards));
        String graph = BibleDrawings.graph(nodes, edges, texts);
        Set<BibleSection> all = EnumSet.allOf(BibleSection.class);
        return new BibleDocument(BibleLanguage.EN, "Si Kancil", all,
                new BibleDocument.Cover(embedded.get(0), sentence(random, 20), "Fable · Comedy", "Feature film", "Studio Kancil Animasi", null,
                        List.of("#6b3fd4", "#15803d", "#f59e0b")),
                List.of(new BibleDocument.Fact("Genre", "Fable"), new BibleDocument.Fact("Format", "Feature film")), sentence(random, 50),
                new BibleDocument.Story(sentence(random, 40), sentence(random, 25), sentence(random, 400), sentence(random, 200)),
                new BibleDocument.Structure("Hero's journey", curve, beats),
                new StoryContent.WantNeed(new StoryContent.Want(sentence(random, 10), sentence(random, 10), sentence(random, 10), true),
                        new StoryContent.Need(sentence(random, 10), sentence(random, 10), sentence(random, 10), false), null),
                characters, graph, new UniversePages.Shown("Hutan Sungai", sentence(random, 60), List.of()), moodboard,
                new BibleDocument.Prediction("1,250,000", "980,000", "bench-1", "7 Dec 2026",
                        List.of(new BibleDocument.Score("Theme", "8.5", "7"))),
                List.of(new BibleDocument.Member("Raka", "IP producer"), new BibleDocument.Member("Sari", "Story supervisor")), messages);
    }

    /** The curve's levels as the pages compute them: unrated beats on the line between their rated neighbours. */
    private static double[] levels(List<BeatCard> cards) {
        return id.modo.verse.studio.story.StoryPageModels.curveLevels(cards);
    }

    private static byte[] picture(Random random, int i) throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 640, 480, new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, 640, 480);
        for (int k = 0; k < 400; k++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(640), random.nextInt(480), 4 + random.nextInt(40), 4 + random.nextInt(40));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static byte[] screenplay(String fountain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScreenplayPdf.render(FountainParser.parse(fountain), ScreenplayPdf.Paper.A4, out);
        return out.toByteArray();
    }

    /** A Fountain script of about {@code pages} pages: scenes of action and speeches. */
    private static String script(int pages, Random random) {
        StringBuilder fountain = new StringBuilder("Title: SI KANCIL\nAuthor: Bench\n\n");
        for (int scene = 0; scene < pages * 2; scene++) {
            fountain.append("EXT. RIVER BANK - DAY\n\n").append(sentence(random, 40)).append("\n\n");
            fountain.append("KANCIL\n(quietly)\n").append(sentence(random, 25)).append("\n\n");
            fountain.append("BUAYA\n").append(sentence(random, 20)).append("\n\n");
        }
        return fountain.toString();
    }
}
