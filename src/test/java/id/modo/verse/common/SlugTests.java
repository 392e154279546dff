package id.modo.verse.common;

import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTests {

    @Test
    void suggestsFromANameWithoutAccentsOrSymbols() {
        assertThat(Slug.suggest("Studio Kancil Animasi!", "studio")).isEqualTo("studio-kancil-animasi");
        assertThat(Slug.suggest("Si Kancil & Buaya", "project")).isEqualTo("si-kancil-buaya");
        assertThat(Slug.suggest("Café Señor — Ünïcode", "x")).isEqualTo("cafe-senor-unicode");
        assertThat(Slug.suggest("!!!", "studio")).isEqualTo("studio");
        assertThat(Slug.suggest("片假名", "project")).isEqualTo("project");
        String longName = "a".repeat(95) + " b";
        assertThat(Slug.suggest(longName, "x")).hasSize(90).doesNotEndWith("-");
        assertThat(Slug.isValid(Slug.suggest("Layar  --  Nusantara", "x"))).isTrue();
    }

    @Test
    void validatesTheShape() {
        assertThat(Slug.isValid("si-kancil-2")).isTrue();
        assertThat(Slug.isValid("a")).isTrue();
        assertThat(Slug.isValid("a".repeat(100))).isTrue();
        assertThat(Slug.isValid("a".repeat(101))).isFalse();
        assertThat(Slug.isValid("-kancil")).isFalse();
        assertThat(Slug.isValid("kancil-")).isFalse();
        assertThat(Slug.isValid("si--kancil")).isFalse();
        assertThat(Slug.isValid("Si-Kancil")).isFalse();
        assertThat(Slug.isValid("si kancil")).isFalse();
        assertThat(Slug.isValid("")).isFalse();
        assertThat(Slug.isValid(null)).isFalse();
    }

    @Test
    void findsTheFirstFreeNumberedAddress() {
        Set<String> taken = Set.of("kancil", "kancil-2", "kancil-3");
        assertThat(Slug.free("kancil", taken::contains)).isEqualTo("kancil-4");
        assertThat(Slug.free("buaya", taken::contains)).isEqualTo("buaya");
    }
}
