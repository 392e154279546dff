package id.modo.verse.studio;

import id.modo.verse.studio.WordDiff.Kind;
import id.modo.verse.studio.WordDiff.Segment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTests {

    @Test
    void aChangedWordIsMarkedAloneBetweenKeptText() {
        List<Segment> diff = WordDiff.between("Kancil crosses the river at dawn", "Kancil crosses the wide river at dusk");
        assertThat(diff).containsExactly(
                new Segment(Kind.EQUAL, "Kancil crosses the "),
                new Segment(Kind.INSERT, "wide "),
                new Segment(Kind.EQUAL, "river at "),
                new Segment(Kind.DELETE, "dawn"),
                new Segment(Kind.INSERT, "dusk"));
    }

    @Test
    void emptySidesAreAllInsertedOrAllDeleted() {
        assertThat(WordDiff.between("", "Sang Kancil")).containsExactly(new Segment(Kind.INSERT, "Sang Kancil"));
        assertThat(WordDiff.between("Sang Kancil", null)).containsExactly(new Segment(Kind.DELETE, "Sang Kancil"));
        assertThat(WordDiff.between("same", "same")).containsExactly(new Segment(Kind.EQUAL, "same"));
        assertThat(WordDiff.between("", "")).isEmpty();
    }

    @Test
    void lineBreaksAreKeptAndCountAsTheirOwnTokens() {
        List<Segment> diff = WordDiff.between("one\ntwo", "one two");
        assertThat(diff).containsExactly(new Segment(Kind.EQUAL, "one"), new Segment(Kind.DELETE, "\n"),
                new Segment(Kind.INSERT, " "), new Segment(Kind.EQUAL, "two"));
    }

    /** For any two texts, the segments rebuild both exactly; no two neighbours have the same kind. */
    @Test
    void segmentsRebuildBothSidesForRandomTexts() {
        Random random = new Random(20261205L);
        String[] words = {"kancil", "buaya", "sungai", "the", "a", "river", "\n", "  ", "dawn", "!"};
        for (int run = 0; run < 500; run++) {
            String a = text(random, words);
            String b = random.nextBoolean() ? mutate(random, a, words) : text(random, words);
            List<Segment> diff = WordDiff.between(a, b);
            assertThat(WordDiff.side(diff, false)).as("old side of %s → %s", a, b).isEqualTo(a);
            assertThat(WordDiff.side(diff, true)).as("new side of %s → %s", a, b).isEqualTo(b);
            for (int i = 1; i < diff.size(); i++) {
                assertThat(diff.get(i).kind()).isNotEqualTo(diff.get(i - 1).kind());
            }
        }
    }

    private static String text(Random random, String[] words) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            text.append(words[random.nextInt(words.length)]);
            if (random.nextInt(3) > 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static String mutate(Random random, String text, String[] words) {
        String[] parts = text.split(" ", -1);
        if (parts.length > 0) {
            parts[random.nextInt(parts.length)] = words[random.nextInt(words.length)];
        }
        return String.join(" ", parts);
    }
}
