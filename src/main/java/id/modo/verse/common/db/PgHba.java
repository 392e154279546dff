package id.modo.verse.common.db;

import id.modo.verse.common.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cluster's {@code pg_hba.conf}, which says how each connection signs in. Clusters made by
 * earlier versions of MODO say {@code trust} (no password) on every line, as the embedded
 * PostgreSQL library's {@code initdb -A trust} writes them; new ones say {@code scram-sha-256}.
 */
final class PgHba {

    static final String TRUST = "trust";
    static final String SCRAM = "scram-sha-256";

    /** A rule's fields: {@code local DATABASE USER METHOD} or {@code host DATABASE USER ADDRESS [MASK] METHOD}, then options. */
    private static final Pattern FIELD = Pattern.compile("\\S+");
    private static final int FIRST_METHOD_FIELD = 3;

    private PgHba() {
    }

    /** Whether any rule lets a connection in without a password. */
    static boolean trusts(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(line -> !line.equals(withoutTrust(line)));
    }

    /** Rewrites every {@code trust} rule to {@code scram-sha-256}, in one step (the file is replaced whole), keeping the rest. */
    static void requirePasswords(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String rewritten = lines.stream().map(PgHba::withoutTrust).collect(Collectors.joining("\n", "", "\n"));
        PrivateFiles.write(file, rewritten.getBytes(StandardCharsets.UTF_8));
    }

    /** The line with its method changed from trust to scram-sha-256 if it is a trust rule; any other line as it is. */
    static String withoutTrust(String line) {
        StringBuilder out = new StringBuilder();
        Matcher field = FIELD.matcher(line);
        int index = 0;
        int copied = 0;
        while (field.find()) {
            String value = field.group();
            if (value.startsWith("#")) {
                break; // a comment, or the rest of the line is one
            }
            // The database and user names come before the method, so a role named "trust" stays as it is.
            if (index >= FIRST_METHOD_FIELD && value.equals(TRUST)) {
                out.append(line, copied, field.start()).append(SCRAM);
                copied = field.end();
            }
            index++;
        }
        return out.append(line.substring(copied)).toString();
    }
}
