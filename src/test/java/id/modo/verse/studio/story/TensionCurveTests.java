package id.modo.verse.studio.story;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TensionCurveTests {

    @Test
    void anUnratedBeatSitsOnTheLineBetweenItsRatedNeighboursNotAtCalm() {
        List<TensionCurve.Point> points = List.of(new TensionCurve.Point("a", null), new TensionCurve.Point("b", 1),
                new TensionCurve.Point("c", null), new TensionCurve.Point("d", null), new TensionCurve.Point("e", 3),
                new TensionCurve.Point("f", null));

        assertThat(TensionCurve.levels(points)).containsExactly(1, 1, 1 + 2.0 / 3, 1 + 4.0 / 3, 3, 3);
    }

    @Test
    void theLineJoinsOnlyRatedBeatsAndEveryBeatHasItsPoint() {
        String svg = TensionCurve.svg("Tension curve", "Intensity per beat.", List.of(new TensionCurve.Point("Opening", 1),
                new TensionCurve.Point("Catalyst", null), new TensionCurve.Point("Finale", 3)));

        assertThat(svg).contains("d=\"M24.0 ");
        assertThat(svg.split("<circle", -1)).hasSize(4);
        assertThat(svg.split(" L", -1)).hasSize(2);
        assertThat(svg).contains("tension-curve__point--unset").contains("Catalyst: -.");
    }

    @Test
    void noRatingsDrawNoLine() {
        String svg = TensionCurve.svg("t", "d", List.of(new TensionCurve.Point("a", null), new TensionCurve.Point("b", null)));

        assertThat(svg).doesNotContain("tension-curve__line").contains("tension-curve__point--unset");
    }
}
