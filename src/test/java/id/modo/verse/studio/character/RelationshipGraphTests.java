package id.modo.verse.studio.character;

import static org.assertj.core.api.Assertions.assertThat;

import id.modo.verse.studio.character.RelationshipGraph.Box;
import id.modo.verse.studio.character.RelationshipGraph.Edge;
import id.modo.verse.studio.character.RelationshipGraph.Layout;
import id.modo.verse.studio.character.RelationshipGraph.Node;
import id.modo.verse.studio.character.RelationshipGraph.Texts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RelationshipGraphTests {

    private static final Texts INDONESIAN = new Texts("Grafik hubungan", "Jenis hubungan", "Belum ada tokoh.",
            "%d tokoh, %d hubungan.", Locale.forLanguageTag("id"));

    @Test
    void twentyLongNamesWithDenseEdgesLeaveNoOverlappingLabelAndNoneOffTheCanvas() throws Exception {
        List<Node> nodes = longNamedCharacters(20, 7);
        List<Edge> edges = denseEdges(nodes, 11);

        String svg = RelationshipGraph.svg(nodes, edges, Texts.english(), "g");
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(viewBox[2]);
        double height = Double.parseDouble(viewBox[3]);

        // The boxes are estimated again from the SVG as written, not taken from the layout.
        List<Box> boxes = new ArrayList<>();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            boxes.add(box((Element) texts.item(i)));
        }
        assertThat(boxes).hasSize(20 /* names */ + 20 /* initials */ + 8 /* legend */ + 1 /* legend title */);
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(boxes.get(i).inside(width, height)).as("text %d inside the %sx%s canvas: %s", i, width, height, boxes.get(i)).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).overlaps(boxes.get(j))).as("texts %d and %d overlap: %s %s", i, j, boxes.get(i), boxes.get(j)).isFalse();
            }
        }
        assertThat(doc.getElementsByTagName("path").getLength()).as("one curve per edge plus 8 arrowheads").isEqualTo(edges.size() + 8);
    }

    @Test
    void everyCountFromOneToFortyKeepsLabelsApartInBothLanguages() {
        for (int n = 1; n <= 40; n++) {
            for (Texts texts : List.of(Texts.english(), INDONESIAN)) {
                Layout layout = RelationshipGraph.layout(longNamedCharacters(n, n), texts);
                List<Box> boxes = layout.labelBoxes();
                for (int i = 0; i < boxes.size(); i++) {
                    assertThat(boxes.get(i).inside(layout.width(), layout.height())).as("n=%d box %d", n, i).isTrue();
                    for (int j = i + 1; j < boxes.size(); j++) {
                        assertThat(boxes.get(i).overlaps(boxes.get(j))).as("n=%d boxes %d and %d", n, i, j).isFalse();
                    }
                }
                // Names sit outside the ring of characters, so no edge or node runs under them.
                for (RelationshipGraph.Placed p : layout.nodes()) {
                    assertThat(distanceToBox(layout.cx(), layout.cy(), p.labelBox()))
                            .as("n=%d %s", n, p.label()).isGreaterThanOrEqualTo(layout.radius() + RelationshipGraph.NODE_RADIUS);
                }
            }
        }
    }

    @Test
    void theSameInputDrawsTheSamePicture() {
        List<Node> nodes = longNamedCharacters(12, 3);
        List<Edge> edges = denseEdges(nodes, 5);
        assertThat(RelationshipGraph.svg(nodes, edges, Texts.english(), "g"))
                .isEqualTo(RelationshipGraph.svg(nodes, edges, Texts.english(), "g"));
    }

    @Test
    void namesAreEscapedTooLongOnesShortenedAndTheFullNameKeptInTheTooltip() throws Exception {
        String hostile = "<script>alert(1)</script> & \"Ratu\" Kidul dari Laut Selatan yang Sangat Panjang Sekali Namanya";
        List<Node> nodes = List.of(new Node("a", hostile, "/x?a=1&b=2"), new Node("b", "Budi", null));
        String svg = RelationshipGraph.svg(nodes, List.of(new Edge("a", "b", RelationshipType.RIVAL, "since <childhood>")),
                Texts.english(), "g");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        Document doc = parse(svg);
        NodeList titles = doc.getElementsByTagName("title");
        List<String> titleTexts = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            titleTexts.add(titles.item(i).getTextContent());
        }
        assertThat(titleTexts).contains(hostile, "Relationship graph");
        assertThat(titleTexts).anyMatch(t -> t.endsWith("Rival (since <childhood>)"));
        Element label = labels(doc).getFirst();
        assertThat(label.getTextContent()).endsWith("…");
        assertThat(TextMetrics.width(label.getTextContent(), RelationshipGraph.LABEL_FONT)).isLessThanOrEqualTo(RelationshipGraph.MAX_LABEL_WIDTH);
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).startsWith("2 characters, 1 relationships.");
    }

    @Test
    void everyTypeHasItsOwnDashPatternAndColourAndAppearsInTheLegend() throws Exception {
        assertThat(java.util.Arrays.stream(RelationshipType.values()).map(t -> t.dash() + "/" + t.width()).distinct())
                .hasSize(RelationshipType.values().length);
        assertThat(java.util.Arrays.stream(RelationshipType.values()).map(RelationshipType::colour).distinct())
                .hasSize(RelationshipType.values().length);
        Document doc = parse(RelationshipGraph.svg(List.of(), List.of(), INDONESIAN, "g"));
        String legend = doc.getElementsByTagName("g").item(doc.getElementsByTagName("g").getLength() - 1).getTextContent();
        assertThat(legend).contains("Jenis hubungan", "Keluarga", "Teman", "Saingan", "Mentor", "Cinta", "Musuh", "Sekutu", "Lainnya");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Belum ada tokoh.");
    }

    @Test
    void edgesToUnknownCharactersOrToThemselvesAreNotDrawn() throws Exception {
        List<Node> nodes = List.of(new Node("a", "Ayu", null), new Node("b", "Budi", null));
        Document doc = parse(RelationshipGraph.svg(nodes, List.of(
                new Edge("a", "b", RelationshipType.LOVE, null),
                new Edge("b", "a", RelationshipType.ENEMY, null),
                new Edge("a", "zz", RelationshipType.FRIEND, null),
                new Edge("a", "a", RelationshipType.FRIEND, null)), Texts.english(), "g"));
        NodeList paths = doc.getElementsByTagName("path");
        List<String> edgeDs = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.getAttribute("class").startsWith("edge")) {
                edgeDs.add(path.getAttribute("d"));
            }
        }
        // Both directions of a pair are drawn, with different bends, so neither hides the other.
        assertThat(edgeDs).hasSize(2).doesNotHaveDuplicates();
    }

    private static List<Element> labels(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element e = (Element) texts.item(i);
            if ("label".equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Box box(Element text) {
        double size = Double.parseDouble(text.getAttribute("font-size"));
        double width = TextMetrics.width(text.getTextContent(), size);
        double x = Double.parseDouble(text.getAttribute("x"));
        double baseline = Double.parseDouble(text.getAttribute("y"));
        String anchor = text.getAttribute("text-anchor");
        double left = switch (anchor) {
            case "end" -> x - width;
            case "middle" -> x - width / 2;
            default -> x;
        };
        // The SVG rounds coordinates to a tenth; shrink by that much so rounding is not an overlap.
        return new Box(left + 0.05, baseline - TextMetrics.ASCENT * size + 0.05, width - 0.1, TextMetrics.height(size) - 0.1);
    }

    private static double distanceToBox(double px, double py, Box b) {
        double dx = Math.max(Math.max(b.x() - px, 0), px - (b.x() + b.width()));
        double dy = Math.max(Math.max(b.y() - py, 0), py - (b.y() + b.height()));
        return Math.hypot(dx, dy);
    }

    private static List<Node> longNamedCharacters(int count, long seed) {
        Random random = new Random(seed);
        String[] words = {"Raden", "Ayu", "Kusumawardhani", "Bimasakti", "Wibisono", "Ratu", "Kidul", "Mahapatih",
                "Gajah", "Mada", "Srikandi", "Anak", "Agung", "Prameswari", "Dewi", "Sekar", "WWWWMMMM", "Ñoño"};
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            int parts = 3 + random.nextInt(6);
            for (int k = 0; k < parts; k++) {
                name.append(k == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            nodes.add(new Node("c" + i, name.toString(), "#character-c" + i));
        }
        return nodes;
    }

    private static List<Edge> denseEdges(List<Node> nodes, long seed) {
        Random random = new Random(seed);
        RelationshipType[] types = RelationshipType.values();
        List<Edge> edges = new ArrayList<>();
        for (Node a : nodes) {
            for (Node b : nodes) {
                if (a != b && random.nextInt(3) == 0) {
                    edges.add(new Edge(a.id(), b.id(), types[random.nextInt(types.length)], "since the war of " + random.nextInt(1000)));
                }
            }
        }
        return edges;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
