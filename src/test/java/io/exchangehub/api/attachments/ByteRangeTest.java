package io.exchangehub.api.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertThat(ByteRange.parse("bytes=0-0", SIZE)).isEqualTo(new ByteRange(0, 0));
        assertThat(ByteRange.parse("bytes=100-199", SIZE)).isEqualTo(new ByteRange(100, 199));
        assertThat(ByteRange.parse("bytes=900-", SIZE)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-10", SIZE)).isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.parse("Bytes = 5 - 9", SIZE)).isEqualTo(new ByteRange(5, 9));
        assertThat(ByteRange.parse("bytes=100-199", SIZE).contentRange(SIZE)).isEqualTo("bytes 100-199/1000");
        assertThat(ByteRange.parse("bytes=100-199", SIZE).length()).isEqualTo(100);
    }

    @Test
    void aRangeReachingPastTheEndEndsAtTheLastByte() {
        assertThat(ByteRange.parse("bytes=990-5000", SIZE)).isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=-5000", SIZE)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=0-99999999999999999999999", SIZE)).isEqualTo(new ByteRange(0, 999));
    }

    @Test
    void aRangeOutsideTheFileIsUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-2000", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=99999999999999999999-", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatIsNotOneValidByteRangeAsksForTheWholeFile() {
        assertThat(ByteRange.parse(null, SIZE)).isNull();
        assertThat(ByteRange.parse("items=0-1", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-9", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=9-5", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=-", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=abc", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes 0-1", SIZE)).isNull();
    }
}
