package id.modo.verse.studio.script;

import static id.modo.verse.studio.script.ScreenplayLayout.INCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.modo.verse.studio.script.PdfLines.Piece;
import id.modo.verse.studio.script.ScreenplayPdf.Paper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ScreenplayPdfTests {

    private static final String SAMPLE = """
            Title: THE LAST FERRY
            Credit: Written by
            Author: Sari Wulandari
            Draft date: 5 December 2026
            Contact: sari@kancil.example

            INT. HARBOUR OFFICE - NIGHT

            Rain hammers the window. Sari counts **tickets**.

            SARI
            (quietly)
            One more crossing before the storm.

            CUT TO:

            > THE END <
            """;

    private static byte[] render(String fountain, Paper paper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScreenplayPdf.render(FountainParser.parse(fountain), paper, out);
        return out.toByteArray();
    }

    private static Piece find(List<Piece> pieces, String text) {
        return pieces.stream().filter(p -> p.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line \"" + text + "\" in " + pieces.stream().map(Piece::text).toList()));
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void everyElementKindSitsAtItsIndentInCourier12(Paper paper) throws IOException {
        byte[] pdf = render(SAMPLE, paper);
        float width = paper.size().getWidth();
        List<Piece> pieces = PdfLines.read(pdf);

        Piece heading = find(pieces, "INT. HARBOUR OFFICE - NIGHT");
        assertThat(heading.page()).isEqualTo(2); // after the title page
        assertThat(heading.x()).isCloseTo(1.5f * INCH, within(0.5f));
        assertThat(find(pieces, "Rain hammers the window. Sari counts tickets.").x())
                .isCloseTo(1.5f * INCH, within(0.5f));
        assertThat(find(pieces, "SARI").x()).isCloseTo(3.7f * INCH, within(0.5f));
        assertThat(find(pieces, "(quietly)").x()).isCloseTo(3.1f * INCH, within(0.5f));
        Piece dialogue = find(pieces, "One more crossing before the storm.");
        assertThat(dialogue.x()).isCloseTo(2.5f * INCH, within(0.5f));
        assertThat(dialogue.right() - dialogue.x()).isLessThanOrEqualTo(3.5f * INCH + 0.5f);
        Piece transition = find(pieces, "CUT TO:");
        assertThat(transition.right()).isCloseTo(width - INCH, within(0.5f));
        Piece centered = find(pieces, "THE END");
        assertThat((centered.x() + centered.right()) / 2).isCloseTo(1.5f * INCH + (width - 2.5f * INCH) / 2, within(4f));

        // one row every 12 pt, blank lines between elements, none between a cue and its speech
        assertThat(find(pieces, "(quietly)").y() - find(pieces, "SARI").y()).isCloseTo(12f, within(0.1f));
        assertThat(find(pieces, "SARI").y() - heading.y()).isCloseTo(48f, within(0.1f));
        assertThat(heading.y()).isBetween(INCH, INCH + 12f);

        assertThat(pieces).extracting(Piece::font).allSatisfy(font -> assertThat(font).matches("[A-Z]{6}\\+CourierPrime-(Regular|Bold)"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(paper.size().getWidth());
            assertThat(box.getHeight()).isEqualTo(paper.size().getHeight());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("THE LAST FERRY");
        }
    }

    @Test
    void boldRunsUseEmbeddedCourierPrimeBoldAndGlyphsAre12PointCourierWide() throws IOException {
        byte[] pdf = render("A **bold** word.\n", Paper.LETTER);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var fonts = document.getPage(0).getResources().getFontNames();
            List<String> names = new java.util.ArrayList<>();
            for (var name : fonts) {
                var font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                names.add(font.getName().substring(7));
            }
            assertThat(names).containsExactlyInAnyOrder("CourierPrime-Regular", "CourierPrime-Bold");
        }
        List<Piece> pieces = PdfLines.read(pdf);
        Piece line = pieces.get(0);
        assertThat(line.text()).isEqualTo("A bold word.");
        assertThat(line.right() - line.x()).isCloseTo(12 * 7.2f, within(0.2f));
    }

    @Test
    void titlePageCentresTheTitleAndPutsContactAndDateAtTheFoot() throws IOException {
        List<Piece> pieces = PdfLines.read(render(SAMPLE, Paper.LETTER));
        Piece title = find(pieces, "THE LAST FERRY");
        assertThat(title.page()).isEqualTo(1);
        assertThat((title.x() + title.right()) / 2).isCloseTo(1.5f * INCH + 3f * INCH, within(4f));
        assertThat(find(pieces, "Sari Wulandari").page()).isEqualTo(1);
        Piece contact = find(pieces, "sari@kancil.example");
        assertThat(contact.x()).isCloseTo(1.5f * INCH, within(0.5f));
        assertThat(contact.y()).isGreaterThan(792 - 2 * INCH);
        assertThat(find(pieces, "5 December 2026").right()).isCloseTo(612 - INCH, within(0.5f));
    }

    @Test
    void pagesAfterTheFirstAreNumberedTopRight() throws IOException {
        String longScript = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> "INT. ROOM " + i + " - DAY\n\nSomething happens in room " + i + ".\n")
                .collect(Collectors.joining("\n"));
        List<Piece> pieces = PdfLines.read(render(longScript, Paper.A4));
        assertThat(pieces).noneMatch(p -> p.page() == 1 && p.text().equals("1."));
        int pages = pieces.stream().mapToInt(Piece::page).max().orElseThrow();
        assertThat(pages).isGreaterThanOrEqualTo(3);
        for (int page = 2; page <= pages; page++) {
            int p = page;
            Piece number = pieces.stream().filter(x -> x.page() == p && x.text().equals(p + "."))
                    .findFirst().orElseThrow(() -> new AssertionError("no number on page " + p));
            assertThat(number.right()).isCloseTo(PDRectangle.A4.getWidth() - INCH, within(0.5f));
            assertThat(number.y()).isLessThan(INCH);
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void aSpeechThatCrossesAPageEndsWithMoreAndResumesWithContd(Paper paper) throws IOException {
        String speech = IntStream.rangeClosed(1, 70).mapToObj(i -> "Kalimat nomor " + i + ".")
                .collect(Collectors.joining("\n"));
        List<Piece> pieces = PdfLines.read(render("INT. FERRY - NIGHT\n\nBUDI (V.O.)\n" + speech + "\n", paper));

        Piece more = find(pieces, "(MORE)");
        assertThat(more.x()).isCloseTo(3.7f * INCH, within(0.5f));
        assertThat(more.y()).isLessThanOrEqualTo(paper.size().getHeight() - INCH);
        List<Piece> firstPage = pieces.stream().filter(p -> p.page() == more.page()).toList();
        assertThat(firstPage.get(firstPage.size() - 1)).isEqualTo(more);
        assertThat(firstPage.get(firstPage.size() - 2).text()).startsWith("Kalimat nomor");

        List<Piece> nextPage = pieces.stream().filter(p -> p.page() == more.page() + 1).toList();
        assertThat(nextPage.get(0).text()).isEqualTo((more.page() + 1) + ".");
        Piece contd = nextPage.get(1);
        assertThat(contd.text()).isEqualTo("BUDI (V.O.) (CONT'D)");
        assertThat(contd.x()).isCloseTo(3.7f * INCH, within(0.5f));
        assertThat(contd.y()).isBetween(INCH, INCH + 12f);
        // nothing lost or repeated
        assertThat(pieces).filteredOn(p -> p.text().startsWith("Kalimat nomor")).hasSize(70);
    }

    @Test
    void aSceneHeadingIsNeverLeftAloneAtTheFootOfAPage() {
        // 26 one-line actions fill 51 of Letter's 54 rows; the heading would fit, its action would not
        String fountain = IntStream.rangeClosed(1, 26).mapToObj(i -> "Action " + i + ".")
                .collect(Collectors.joining("\n\n")) + "\n\nINT. LATE SCENE - NIGHT\n\nShe arrives.\n";
        List<List<ScreenplayLayout.Row>> pages = ScreenplayLayout.paginate(FountainParser.parse(fountain), Paper.LETTER);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).hasSize(51);
        assertThat(text(pages.get(1).get(0))).isEqualTo("INT. LATE SCENE - NIGHT");

        // with one action fewer there is room for the heading and the start of what follows
        String shorter = fountain.replaceFirst("Action 1\\.\n\n", "");
        assertThat(ScreenplayLayout.paginate(FountainParser.parse(shorter), Paper.LETTER)).hasSize(1);
    }

    @Test
    void actionSplitsKeepingTwoLinesOnEachSide() {
        String filler = IntStream.rangeClosed(1, 26).mapToObj(i -> "Action " + i + ".")
                .collect(Collectors.joining("\n\n"));
        String fountain = filler + "\n\nLine one\nLine two\nLine three\nLine four\nLine five\n";
        List<List<ScreenplayLayout.Row>> pages = ScreenplayLayout.paginate(FountainParser.parse(fountain), Paper.LETTER);
        // 51 rows used, a blank, 2 free: two lines here, three there
        assertThat(text(pages.get(0).get(pages.get(0).size() - 1))).isEqualTo("Line two");
        assertThat(text(pages.get(1).get(0))).isEqualTo("Line three");
    }

    @Test
    void dualDialogueSitsSideBySide() throws IOException {
        List<Piece> pieces = PdfLines.read(render("BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n", Paper.LETTER));
        Piece brick = find(pieces, "BRICK");
        Piece steel = find(pieces, "STEEL");
        assertThat(brick.y()).isEqualTo(steel.y());
        assertThat(steel.x()).isGreaterThan(brick.x() + 2 * INCH);
        assertThat(pieces).filteredOn(p -> p.text().equals("Screw retirement.")).hasSize(2)
                .allSatisfy(p -> assertThat(p.y()).isEqualTo(brick.y() + 12f));
    }

    @Test
    void latinTextOutsideWinAnsiPrintsExactly() throws IOException {
        String line = "“Pagi”, Dāvid, Ağa, Şeyma — tiket Rp 1.000…";
        List<Piece> pieces = PdfLines.read(render("*" + line + "*\n", Paper.A4));
        assertThat(pieces).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo(line);
            assertThat(p.font()).endsWith("+CourierPrime-Italic");
        });
    }

    @Test
    void charactersCourierPrimeLacksDegradeInsteadOfFailing() throws IOException {
        List<Piece> pieces = PdfLines.read(render("Ayu says “Selamat pagi” to Dāvid — 日本.\n", Paper.A4));
        assertThat(pieces.get(0).text()).isEqualTo("Ayu says “Selamat pagi” to Dāvid — ??.");
    }

    @Test
    void anEmptyScriptIsOneBlankPage() throws IOException {
        byte[] pdf = render("", Paper.LETTER);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    private static String text(ScreenplayLayout.Row row) {
        return row.segments().get(0).runs().stream().map(ScreenplayLayout.Run::text).collect(Collectors.joining());
    }
}
