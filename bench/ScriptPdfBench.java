import id.modo.verse.studio.script.FountainParser;
import id.modo.verse.studio.script.Screenplay;
import id.modo.verse.studio.script.ScreenplayPdf;
import id.modo.verse.studio.script.ScreenplayPdf.Paper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Screenplay PDF time (bench/script-pdf.sh runs it): generates a feature-length Fountain script
 * (fixed seed: scenes of action, speeches with parentheticals, some long enough to break across
 * pages, transitions) sized to about {@code pages} pages, then times parse + PDF for Letter and A4
 * over {@code runs} runs after {@code warmup} warm-up runs, and prints the median, min and max.
 * Arguments: pages (default 120), runs (default 30), warm-up runs (default 30).
 */
public class ScriptPdfBench {

  private static final String[] WORDS = ("the a harbour ferry rain lamp ticket night she he they "
      + "looks turns waits runs across into under over slowly quietly storm sea rope engine deck "
      + "island light door window old young captain sari budi ayu dimas laughs answers").split(" ");
  private static final String[] NAMES = {"SARI", "BUDI", "AYU", "DIMAS", "CAPTAIN HARTONO"};

  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;

    String fountain = generate(pages, new Random(42));
    byte[] sample = render(fountain, Paper.LETTER);
    int actual;
    try (PDDocument document = Loader.loadPDF(sample)) {
      actual = document.getNumberOfPages();
    }
    Path out = Path.of("target", "bench-script.pdf");
    Files.write(out, sample);
    System.out.printf("script: %,d characters, %,d lines, %d pages on Letter with its title page (%s, %,d bytes)%n",
        fountain.length(), fountain.split("\n").length, actual, out, sample.length);

    for (Paper paper : Paper.values()) {
      for (int i = 0; i < warmup; i++) {
        render(fountain, paper);
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        render(fountain, paper);
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("%-6s parse + layout + PDF: median %.1f ms, min %.1f ms, max %.1f ms (%d runs after %d warm-up)%n",
          paper, ms[runs / 2], ms[0], ms[runs - 1], runs, warmup);
    }
  }

  private static byte[] render(String fountain, Paper paper) {
    Screenplay play = FountainParser.parse(fountain);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    ScreenplayPdf.render(play, paper, bytes);
    return bytes.toByteArray();
  }

  /** A generated scene prints as about 33 lines: 13 scenes fill 8 pages. */
  private static String generate(int pages, Random random) {
    StringBuilder s = new StringBuilder("Title: THE LAST FERRY\nCredit: Written by\nAuthor: Bench\nDraft date: 2026\n\n");
    for (int scene = 1; scene <= pages * 13 / 8; scene++) {
      s.append(random.nextBoolean() ? "INT. " : "EXT. ").append("PLACE ").append(scene)
          .append(random.nextBoolean() ? " - DAY" : " - NIGHT").append("\n\n");
      s.append(sentence(random, 25 + random.nextInt(60))).append("\n\n");
      for (int speech = 0; speech < 3; speech++) {
        s.append(NAMES[random.nextInt(NAMES.length)]).append(random.nextInt(5) == 0 ? " (V.O.)" : "").append('\n');
        if (random.nextInt(3) == 0) {
          s.append("(").append(sentence(random, 2)).append(")\n");
        }
        // one speech in twenty is long enough to break across a page
        int words = random.nextInt(20) == 0 ? 150 : 8 + random.nextInt(30);
        s.append(sentence(random, words)).append("\n\n");
      }
      if (scene % 4 == 0) {
        s.append("CUT TO:\n\n");
      }
    }
    return s.toString();
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == words - 1 ? "." : " ");
    }
    return s.toString();
  }
}
