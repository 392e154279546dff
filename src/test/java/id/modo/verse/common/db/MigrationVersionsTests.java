package id.modo.verse.common.db;

import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration numbering rule of docs/schema.md, checked on the files without a database: every version is used once,
 * and a migration added after the numbered ones ({@code V1_00} to {@code V1_44}, kept as they are because databases
 * have applied them) is named for the UTC date and time it was written, {@code V2026_12_06_1200__watch_contents.sql},
 * so modules written in parallel never pick the same number.
 */
class MigrationVersionsTests {

    /** The last version numbered in sequence; a new {@code V1_xx} is what parallel branches would both take. */
    private static final int LAST_NUMBERED = 44;

    private static final Pattern NUMBERED = Pattern.compile("V1_(\\d{2})__[a-z0-9_]+\\.sql");
    private static final Pattern DATED = Pattern.compile("V(\\d{4}_\\d{2}_\\d{2}_\\d{4})__[a-z0-9_]+\\.sql");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmm")
            .withResolverStyle(ResolverStyle.STRICT);

    @Test
    void everyMigrationFollowsTheNumberingRule() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String file : migrations()) {
            Matcher numbered = NUMBERED.matcher(file);
            Matcher dated = DATED.matcher(file);
            if (numbered.matches()) {
                if (Integer.parseInt(numbered.group(1)) > LAST_NUMBERED) {
                    broken.add(file + ": a new migration takes the UTC date and time as its version, V"
                            + LocalDateTime.now(ZoneOffset.UTC).format(DATE_TIME) + "__...");
                }
            } else if (dated.matches()) {
                dateTime(dated.group(1), file, broken);
            } else {
                broken.add(file + ": not V<yyyy>_<MM>_<dd>_<HHmm>__<lower_snake_case>.sql");
            }
        }
        assertThat(broken).as("docs/schema.md, \"Migration versions\"").isEmpty();
    }

    @Test
    void noTwoMigrationsShareAVersion() throws IOException {
        Map<String, List<String>> byVersion = new HashMap<>();
        for (String file : migrations()) {
            byVersion.computeIfAbsent(flywayVersion(file), version -> new ArrayList<>()).add(file);
        }
        assertThat(byVersion.values()).filteredOn(files -> files.size() > 1).as("migrations sharing a version").isEmpty();
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(flywayVersion("V1__a.sql")).isEqualTo(flywayVersion("V1_00__b.sql"));
        assertThat(flywayVersion("V1_05__a.sql")).isEqualTo(flywayVersion("V1_5__b.sql"));
        assertThat(flywayVersion("V2026_12_06_1700__jobs.sql")).isEqualTo("2026.12.6.1700");
        assertThat(NUMBERED.matcher("V1_45__late.sql").matches()).isTrue();
        assertThat(DATED.matcher("V2026_12_06_1700__jobs.sql").matches()).isTrue();
        assertThat(DATED.matcher("V2026_12_6_1700__jobs.sql").matches()).isFalse();
    }

    private static void dateTime(String version, String file, List<String> broken) {
        LocalDateTime written;
        try {
            written = LocalDateTime.parse(version, DATE_TIME);
        } catch (DateTimeParseException e) {
            broken.add(file + ": " + version + " is not a date and time");
            return;
        }
        // With outOfOrder off, a version in the future would hold back every migration written until that time.
        if (written.toLocalDate().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            broken.add(file + ": dated in the future");
        }
    }

    /** The version as Flyway orders it: numeric parts, trailing zero parts dropped ({@code 1} and {@code 1.00} are one). */
    static String flywayVersion(String file) {
        String version = file.substring(1, file.indexOf("__"));
        List<BigInteger> parts = new ArrayList<>(Arrays.stream(version.split("[._]")).map(BigInteger::new).toList());
        while (parts.size() > 1 && parts.getLast().signum() == 0) {
            parts.removeLast();
        }
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }

    private static List<String> migrations() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*");
        List<String> files = Arrays.stream(resources).filter(Resource::isReadable).map(Resource::getFilename)
                .filter(name -> name != null && !name.isEmpty()).toList();
        assertThat(files).as("migrations on the classpath").isNotEmpty();
        return files;
    }
}
