package id.modo.verse.studio.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.modo.verse.studio.script.ScriptElement.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FountainParserTests {

    private static List<ScriptElement> body(String fountain) {
        return FountainParser.parse(fountain).elements();
    }

    private static List<Kind> kinds(String fountain) {
        return body(fountain).stream().map(ScriptElement::kind).toList();
    }

    @Test
    void titlePageKeysWithIndentedContinuationLines() {
        Screenplay play = FountainParser.parse("""
                Title:
                        _**BRICK & STEEL**_
                        _**FULL RETIRED**_
                Credit: Written by
                Author: Stu Maschwitz
                Draft date: 1/20/2012
                Contact:
                        Next Level Productions
                        1588 Mission Dr.

                EXT. BRICK'S PATIO - DAY

                A gorgeous day.
                """);
        assertThat(play.titlePage()).extracting(Screenplay.TitleField::key)
                .containsExactly("title", "credit", "author", "draft date", "contact");
        assertThat(play.title("Title")).contains("_**BRICK & STEEL**_\n_**FULL RETIRED**_");
        assertThat(play.title("contact")).contains("Next Level Productions\n1588 Mission Dr.");
        assertThat(play.elements()).extracting(ScriptElement::kind)
                .containsExactly(Kind.SCENE_HEADING, Kind.ACTION);
    }

    @Test
    void aFirstLineThatIsNotATitleKeyIsNoTitlePage() {
        Screenplay play = FountainParser.parse("Dawn: the sun rises over Jakarta.\n\nINT. HOUSE - DAY\n");
        assertThat(play.titlePage()).isEmpty();
        assertThat(play.elements()).extracting(ScriptElement::kind)
                .containsExactly(Kind.ACTION, Kind.SCENE_HEADING);
    }

    @Test
    void sceneHeadingsByPrefixForcedAndNumbered() {
        List<ScriptElement> elements = body("""
                INT. HOUSE - DAY

                EXT. GARDEN - NIGHT

                est. city skyline

                INT./EXT. CAR - MOVING

                I/E RUMAH MAKAN - SORE

                .SNIPER SCOPE POV

                INT. OFFICE - DAY #12A#

                ...and then nothing.

                INTERIOR DESIGN is hard.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text, ScriptElement::sceneNumber)
                .containsExactly(
                        tuple(Kind.SCENE_HEADING, "INT. HOUSE - DAY", null),
                        tuple(Kind.SCENE_HEADING, "EXT. GARDEN - NIGHT", null),
                        tuple(Kind.SCENE_HEADING, "est. city skyline", null),
                        tuple(Kind.SCENE_HEADING, "INT./EXT. CAR - MOVING", null),
                        tuple(Kind.SCENE_HEADING, "I/E RUMAH MAKAN - SORE", null),
                        tuple(Kind.SCENE_HEADING, "SNIPER SCOPE POV", null),
                        tuple(Kind.SCENE_HEADING, "INT. OFFICE - DAY", "12A"),
                        tuple(Kind.ACTION, "...and then nothing.", null),
                        tuple(Kind.ACTION, "INTERIOR DESIGN is hard.", null));
    }

    @Test
    void aHeadingWithoutABlankLineAfterItIsAction() {
        assertThat(kinds("INT. HOUSE - DAY\nShe walks in.\n")).containsExactly(Kind.ACTION);
    }

    @Test
    void actionKeepsLineBreaksIndentationAndForcedMark() {
        List<ScriptElement> elements = body("""
                They look at each other.
                    Then away.

                !SCANNING THE AISLES...

                A line
                \s\s
                after a kept blank.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                tuple(Kind.ACTION, "They look at each other.\n    Then away."),
                tuple(Kind.ACTION, "SCANNING THE AISLES..."),
                tuple(Kind.ACTION, "A line\n\nafter a kept blank."));
    }

    @Test
    void characterCuesWithExtensionsParentheticalsAndDialogue() {
        List<ScriptElement> elements = body("""
                STEEL
                The man's a myth!

                MOM (O.S.)
                Luke! Come down for supper!

                HANS (on the radio) (CONT'D)
                (whispering)
                What was it you said?
                (beat)
                Never mind.

                @McCLANE
                Yippie ki-yay!

                R2D2
                Beep.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                tuple(Kind.CHARACTER, "STEEL"),
                tuple(Kind.DIALOGUE, "The man's a myth!"),
                tuple(Kind.CHARACTER, "MOM (O.S.)"),
                tuple(Kind.DIALOGUE, "Luke! Come down for supper!"),
                tuple(Kind.CHARACTER, "HANS (on the radio) (CONT'D)"),
                tuple(Kind.PARENTHETICAL, "(whispering)"),
                tuple(Kind.DIALOGUE, "What was it you said?"),
                tuple(Kind.PARENTHETICAL, "(beat)"),
                tuple(Kind.DIALOGUE, "Never mind."),
                tuple(Kind.CHARACTER, "McCLANE"),
                tuple(Kind.DIALOGUE, "Yippie ki-yay!"),
                tuple(Kind.CHARACTER, "R2D2"),
                tuple(Kind.DIALOGUE, "Beep."));
    }

    @Test
    void aCapitalLineAloneIsActionNotACue() {
        assertThat(kinds("BOOM!\n\nThe house shakes.\n")).containsExactly(Kind.ACTION, Kind.ACTION);
    }

    @Test
    void dialogueKeepsLineBreaksAndTwoSpaceBlankLines() {
        List<ScriptElement> elements = body("""
                DEALER
                Ten.
                Four.
                \s\s
                Dealer gets twenty.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                tuple(Kind.CHARACTER, "DEALER"),
                tuple(Kind.DIALOGUE, "Ten.\nFour.\n\nDealer gets twenty."));
    }

    @Test
    void dualDialogueMarksBothCues() {
        List<ScriptElement> elements = body("""
                BRICK
                Screw retirement.

                STEEL ^
                Screw retirement.

                BRICK
                Again.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text, ScriptElement::dual)
                .containsExactly(
                        tuple(Kind.CHARACTER, "BRICK", true),
                        tuple(Kind.DIALOGUE, "Screw retirement.", false),
                        tuple(Kind.CHARACTER, "STEEL", true),
                        tuple(Kind.DIALOGUE, "Screw retirement.", false),
                        tuple(Kind.CHARACTER, "BRICK", false),
                        tuple(Kind.DIALOGUE, "Again.", false));
    }

    @Test
    void transitionsByToColonAndForced() {
        List<ScriptElement> elements = body("""
                CUT TO:

                > Burn to White.

                SMASH CUT TO:
                Not a transition: a line follows.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                tuple(Kind.TRANSITION, "CUT TO:"),
                tuple(Kind.TRANSITION, "Burn to White."),
                tuple(Kind.CHARACTER, "SMASH CUT TO:"),
                tuple(Kind.DIALOGUE, "Not a transition: a line follows."));
    }

    @Test
    void centeredText() {
        assertThat(body(">THE END<\n\n> INTERMISSION <\n"))
                .extracting(ScriptElement::kind, ScriptElement::text)
                .containsExactly(tuple(Kind.CENTERED, "THE END"), tuple(Kind.CENTERED, "INTERMISSION"));
    }

    @Test
    void notesAreCutFromTextOrStandAlone() {
        List<ScriptElement> elements = body("""
                His hand is an inch from the switch. [[Is it, though?]]

                [[A note on its own.]]

                MARIA
                [[cut this?]]
                Halo.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                tuple(Kind.ACTION, "His hand is an inch from the switch."),
                tuple(Kind.NOTE, "A note on its own."),
                tuple(Kind.CHARACTER, "MARIA"),
                tuple(Kind.DIALOGUE, "Halo."));
    }

    @Test
    void boneyardIsRemovedAcrossLines() {
        List<ScriptElement> elements = body("""
                INT. HOUSE - DAY

                /*
                INT. GARAGE - DAY

                An old scene.
                */
                She leaves. /* inline */ Quietly.
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                tuple(Kind.SCENE_HEADING, "INT. HOUSE - DAY"),
                tuple(Kind.ACTION, "She leaves.  Quietly."));
    }

    @Test
    void sectionsAndSynopsesAreKeptButNotPrinted() {
        List<ScriptElement> elements = body("""
                # ACT I

                ## Opening
                = The hero wakes up late.

                INT. BEDROOM - MORNING
                """);
        assertThat(elements).extracting(ScriptElement::kind, ScriptElement::text, ScriptElement::depth)
                .containsExactly(
                        tuple(Kind.SECTION, "ACT I", 1),
                        tuple(Kind.SECTION, "Opening", 2),
                        tuple(Kind.SYNOPSIS, "The hero wakes up late.", 0),
                        tuple(Kind.SCENE_HEADING, "INT. BEDROOM - MORNING", 0));
        assertThat(elements).filteredOn(e -> e.kind().printed()).hasSize(1);
    }

    @Test
    void pageBreaksAndLyrics() {
        assertThat(body("The end of act one.\n\n===\n\n~Burung kakak tua\n~Hinggap di jendela\n"))
                .extracting(ScriptElement::kind, ScriptElement::text).containsExactly(
                        tuple(Kind.ACTION, "The end of act one."),
                        tuple(Kind.PAGE_BREAK, ""),
                        tuple(Kind.LYRIC, "Burung kakak tua\nHinggap di jendela"));
    }

    @Test
    void emphasisMarkersStayInTheTextForTheRenderer() {
        assertThat(body("He *really* means **it** and _this_.\n"))
                .extracting(ScriptElement::text).containsExactly("He *really* means **it** and _this_.");
    }

    @Test
    void windowsLineEndingsTabsAndNothingAtAll() {
        assertThat(kinds("INT. HOUSE - DAY\r\n\r\nBOB\r\n\tHi.\r\n"))
                .containsExactly(Kind.SCENE_HEADING, Kind.CHARACTER, Kind.DIALOGUE);
        assertThat(body("")).isEmpty();
        assertThat(body(null)).isEmpty();
        assertThat(body("\n\n   \n")).isEmpty();
    }
}
