package id.modo.verse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetTests {

    record Row(Instant createdAt, UUID id) {
    }

    private static List<Row> rows(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Row(Instant.parse("2026-01-01T00:00:00Z").minusSeconds(i), new UUID(0, i)))
                .toList();
    }

    @Test
    void aPageWithoutTheExtraRowIsTheLast() {
        Page<Row> page = Keyset.page(rows(3), 3, row -> new KeysetCursor(row.createdAt(), row.id()));
        assertThat(page.items()).hasSize(3);
        assertThat(page.nextCursor()).isNull();
        assertThat(Keyset.page(List.<Row>of(), 20, row -> new KeysetCursor(row.createdAt(), row.id())))
                .isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void theExtraRowIsDroppedAndTheLastKeptRowIsTheCursor() {
        List<Row> fetched = rows(Keyset.fetch(3));
        Page<Row> page = Keyset.page(fetched, 3, row -> new KeysetCursor(row.createdAt(), row.id()));
        assertThat(page.items()).containsExactlyElementsOf(fetched.subList(0, 3));
        KeysetCursor next = KeysetCursor.decode(page.nextCursor());
        assertThat(next).isEqualTo(new KeysetCursor(fetched.get(2).createdAt(), fetched.get(2).id()));
        assertThat(Keyset.after(page.nextCursor())).isEqualTo(next);
    }

    @Test
    void mappingKeepsTheCursor() {
        Page<Row> page = Keyset.page(rows(2), 1, row -> new KeysetCursor(row.createdAt(), row.id()));
        Page<UUID> ids = page.map(Row::id);
        assertThat(ids.items()).containsExactly(new UUID(0, 0));
        assertThat(ids.nextCursor()).isEqualTo(page.nextCursor());
        assertThat(page.with(List.of("x"))).isEqualTo(new Page<>(List.of("x"), page.nextCursor()));
    }

    @Test
    void noCursorOrABlankOneIsTheFirstPage() {
        assertThat(Keyset.after(null)).isNull();
        assertThat(Keyset.after("  ")).isNull();
        assertThatThrownBy(() -> Keyset.after("not-a-cursor")).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitsDefaultTo20AndGoUpTo100() {
        assertThat(Keyset.limit(null, "Some fields are not valid.")).isEqualTo(20);
        assertThat(Keyset.limit(1, "Some fields are not valid.")).isEqualTo(1);
        assertThat(Keyset.limit(100, "Some fields are not valid.")).isEqualTo(100);
        assertThatThrownBy(() -> Keyset.limit(0, "Some fields are not valid.")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Keyset.limit(101, "Some fields are not valid.")).isInstanceOf(ProblemException.class);
        assertThat(Keyset.clamp(0)).isEqualTo(1);
        assertThat(Keyset.clamp(1000)).isEqualTo(100);
        assertThat(Keyset.clamp(7)).isEqualTo(7);
    }
}
