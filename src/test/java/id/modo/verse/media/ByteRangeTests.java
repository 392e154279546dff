package id.modo.verse.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTests {

    @Test
    void rangesFromRfc9110() {
        assertThat(ByteRange.parse("bytes=0-499", 10_000)).isEqualTo(new ByteRange(0, 499));
        assertThat(ByteRange.parse("bytes=500-999", 10_000)).isEqualTo(new ByteRange(500, 999));
        assertThat(ByteRange.parse("bytes=-500", 10_000)).isEqualTo(new ByteRange(9_500, 9_999));
        assertThat(ByteRange.parse("bytes=9500-", 10_000)).isEqualTo(new ByteRange(9_500, 9_999));
        assertThat(ByteRange.parse("bytes=9500-20000", 10_000)).isEqualTo(new ByteRange(9_500, 9_999));
        assertThat(ByteRange.parse("bytes=-20000", 10_000)).isEqualTo(new ByteRange(0, 9_999));
    }

    @Test
    void outsideTheFileIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=10000-", 10_000)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=10000-10005", 10_000)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-0", 10_000)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @Test
    void malformedOrMultipleRangesAreIgnored() {
        assertThat(ByteRange.parse(null, 10)).isNull();
        assertThat(ByteRange.parse("items=0-1", 10)).isNull();
        assertThat(ByteRange.parse("bytes=5-1", 10)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,3-4", 10)).isNull();
        assertThat(ByteRange.parse("bytes=a-b", 10)).isNull();
        assertThat(ByteRange.parse("bytes=-", 10)).isNull();
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 10)).isNull();
    }
}
