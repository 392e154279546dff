package id.modo.verse.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubtitleFilesTests {

    @Test
    void srtBecomesWebVttWithDotsNoNumbersAndNoFontTags() {
        String srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:03,500\r\nKancil <font color=\"#ff0\">berlari</font>\r\n<i>cepat</i>\r\n\r\n"
                + "2\r\n00:00:04,000 --> 00:00:06,000 X1:10 X2:20\r\nBuaya menunggu\r\n";
        SubtitleFiles.Converted converted = SubtitleFiles.toWebVtt(srt);
        assertThat(converted.cues()).isEqualTo(2);
        assertThat(converted.vtt()).isEqualTo("""
                WEBVTT

                00:00:01.000 --> 00:00:03.500
                Kancil berlari
                <i>cepat</i>

                00:00:04.000 --> 00:00:06.000
                Buaya menunggu
                """);
    }

    @Test
    void webVttIsKeptAsItIsOnceItsCuesParse() {
        String vtt = "WEBVTT - Si Kancil\n\nNOTE made by hand\n\nintro\n00:01.000 --> 00:03.000 align:start\nHalo\n\n01:00:00.000 --> 01:00:02.000\nAkhir";
        SubtitleFiles.Converted converted = SubtitleFiles.toWebVtt(vtt);
        assertThat(converted.cues()).isEqualTo(2);
        assertThat(converted.vtt()).isEqualTo(vtt + "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|The file is empty.",
            "Once upon a time, Kancil...|Line 1: 'Once upon a time, Kancil...' is not a cue timing",
            "1\\n00:00:01,000 -> 00:00:02,000\\nHalo|Line 2:",
            "1\\n00:00:05,000 --> 00:00:02,000\\nHalo|Line 2: the cue ends before it starts.",
            "WEBVTT\\n\\nno cues here|There is no cue in this file",
            "WEBVTTX\\n\\n00:01.000 --> 00:02.000\\nHalo|Line 1: a WebVTT file starts with a line 'WEBVTT'.",
            "WEBVTT\\n\\n00:01.000 --> 00:0x.000\\nHalo|Line 3:",
    })
    void aFileThatIsNotSubtitlesIsRefusedNamingTheLine(String text, String reason) {
        assertThatThrownBy(() -> SubtitleFiles.toWebVtt(text.replace("\\n", "\n"))).isInstanceOf(SubtitleFiles.Unreadable.class)
                .hasMessageStartingWith(reason);
    }
}
