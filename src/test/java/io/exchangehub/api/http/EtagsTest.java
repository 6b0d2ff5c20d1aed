package io.exchangehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EtagsTest {

    @Test
    void anItemsTagCarriesItsBackendVersionBackToIfMatch() {
        String changeKey = "CQAAABYAAAB9/8ypqS+0TqPxm4qx9mUmAAAJ";
        String tag = Etags.ofVersion(changeKey, null);
        assertThat(tag).startsWith("W/\"").endsWith("\"");
        assertThat(Etags.versionOf(tag)).isEqualTo(changeKey);
        assertThat(Etags.versionOf(tag.substring(2))).as("strong or weak").isEqualTo(changeKey);
        assertThat(Etags.versionOf(Etags.ofVersion(changeKey, "raw"))).isEqualTo(changeKey);
        assertThat(Etags.ofVersion(changeKey, "raw")).isNotEqualTo(tag);
    }

    @Test
    void tagsThatAreNotAVersionGiveNone() {
        assertThat(Etags.versionOf("*")).isNull();
        assertThat(Etags.versionOf("\"not-ours\"")).isNull();
        assertThat(Etags.versionOf(Etags.ofContent("[]".getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(Etags.versionOf("\"v.!!!\"")).isNull();
        assertThat(Etags.versionOf(null)).isNull();
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsLists() {
        String tag = Etags.ofContent("{\"items\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(Etags.matchesNoneMatch(tag, tag)).isTrue();
        assertThat(Etags.matchesNoneMatch(tag.substring(2), tag)).isTrue();
        assertThat(Etags.matchesNoneMatch("\"other\", " + tag, tag)).isTrue();
        assertThat(Etags.matchesNoneMatch("*", tag)).isTrue();
        assertThat(Etags.matchesNoneMatch("\"other\"", tag)).isFalse();
        assertThat(Etags.ofContent("a".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(Etags.ofContent("b".getBytes(StandardCharsets.UTF_8)));
    }
}
