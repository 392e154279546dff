package id.modo.verse.media;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ffmpeg and ffprobe to use, in this order: the setting {@code MODO_FFMPEG_PATH}; else
 * the programs on the {@code PATH}; else the programs bundled in the {@code org.bytedeco:ffmpeg} jar
 * for this platform. A set but wrong setting is reported, never passed over for another ffmpeg: who
 * set it meant that one. Each candidate must run ({@code -version}) before it is taken; its version
 * and encoders are read once here.
 */
final class FfmpegLookup {

    static final String SETTING = "MODO_FFMPEG_PATH (modo.media.ffmpeg-path)";
    static final String ADVICE = "Set MODO_FFMPEG_PATH to the ffmpeg program or to the folder holding ffmpeg and ffprobe, "
            + "or put both on the PATH (Debian: apt-get install ffmpeg).";

    /** A fresh program's first start on two busy cores (page cache cold, libraries relocated) can be slow. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VERSION = Pattern.compile("^ff(?:mpeg|probe) version (\\S+)");
    private static final Pattern ENCODER = Pattern.compile("^\\s*[VAS][A-Z.]{5}\\s+(\\S+)");
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");
    private static final Logger log = LoggerFactory.getLogger(FfmpegLookup.class);

    /** The two programs of one candidate. */
    record Programs(Path ffmpeg, Path ffprobe) {
    }

    /** Brings out the bundled programs; throws with the reason when there are none for this platform or they cannot be loaded. */
    @FunctionalInterface
    interface Bundled {
        Programs extract() throws Exception;
    }

    /** Found, or why not: exactly one of the two is set. */
    record Resolution(FfmpegInstallation installation, String problem) {

        static Resolution found(FfmpegInstallation installation) {
            return new Resolution(installation, null);
        }

        static Resolution missing(String problem) {
            return new Resolution(null, problem);
        }

        Optional<FfmpegInstallation> optional() {
            return Optional.ofNullable(installation);
        }
    }

    /** The programs inside the {@code org.bytedeco:ffmpeg} jar, extracted with their libraries by JavaCPP's {@code Loader}. */
    static final Bundled JAVACPP = () -> {
        String platform = Loader.getPlatform();
        if (org.bytedeco.ffmpeg.ffmpeg.class.getResource(platform + "/" + executable("ffmpeg")) == null) {
            throw new IllegalStateException("this build bundles ffmpeg for linux-x86_64 only, and this machine is " + platform);
        }
        long started = System.nanoTime();
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        String ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        if (ffmpeg == null || ffprobe == null) {
            throw new IllegalStateException("JavaCPP did not extract the programs for " + platform);
        }
        log.info("The bundled ffmpeg ({}) was loaded in {} ms into {}", platform, (System.nanoTime() - started) / 1_000_000,
                Path.of(ffmpeg).getParent());
        return new Programs(Path.of(ffmpeg), Path.of(ffprobe));
    };

    private final String configuredPath;
    private final String pathVariable;
    private final Bundled bundled;

    /**
     * @param configuredPath the setting's value; blank = not set
     * @param pathVariable the {@code PATH} to search (this process's, except in tests)
     * @param bundled where the bundled programs come from
     */
    FfmpegLookup(String configuredPath, String pathVariable, Bundled bundled) {
        this.configuredPath = configuredPath == null ? "" : configuredPath.strip();
        this.pathVariable = pathVariable == null ? "" : pathVariable;
        this.bundled = bundled;
    }

    Resolution resolve() {
        if (!configuredPath.isEmpty()) {
            return fromSetting();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("MODO_FFMPEG_PATH is not set");
        Optional<Programs> onPath = onPath(reasons);
        if (onPath.isPresent()) {
            try {
                return Resolution.found(probe(onPath.get(), FfmpegSource.PATH));
            } catch (ProbeFailed e) {
                reasons.add("the ffmpeg on the PATH (" + onPath.get().ffmpeg() + ") does not run: " + e.getMessage());
            }
        }
        Programs extracted;
        try {
            extracted = bundled.extract();
        } catch (Exception | LinkageError e) {
            String reason = String.valueOf(e.getMessage());
            reasons.add("the bundled ffmpeg cannot be used: " + reason
                    + (reason.contains("libpulse") ? " (it needs PulseAudio's client library; Debian: apt-get install libpulse0)" : ""));
            return Resolution.missing("No ffmpeg found: " + String.join("; ", reasons) + ". " + ADVICE);
        }
        try {
            return Resolution.found(probe(extracted, FfmpegSource.BUNDLED));
        } catch (ProbeFailed e) {
            reasons.add("the bundled ffmpeg (" + extracted.ffmpeg() + ") does not run: " + e.getMessage());
            return Resolution.missing("No ffmpeg found: " + String.join("; ", reasons) + ". " + ADVICE);
        }
    }

    private Resolution fromSetting() {
        Path configured;
        try {
            configured = Path.of(configuredPath);
        } catch (InvalidPathException e) {
            return Resolution.missing(SETTING + " is '" + configuredPath + "', which is not a path. " + ADVICE);
        }
        Programs programs = Files.isDirectory(configured)
                ? new Programs(configured.resolve(executable("ffmpeg")), configured.resolve(executable("ffprobe")))
                : new Programs(configured, besideFfmpeg(configured));
        String said = SETTING + " is " + configured + ", but ";
        if (!Files.isRegularFile(programs.ffmpeg())) {
            return Resolution.missing(said + "there is no ffmpeg program at " + programs.ffmpeg() + ". " + ADVICE);
        }
        if (!Files.isExecutable(programs.ffmpeg())) {
            return Resolution.missing(said + programs.ffmpeg() + " is not executable. " + ADVICE);
        }
        if (!Files.isRegularFile(programs.ffprobe()) || !Files.isExecutable(programs.ffprobe())) {
            return Resolution.missing(said + "there is no executable ffprobe beside it (" + programs.ffprobe() + "). " + ADVICE);
        }
        try {
            return Resolution.found(probe(programs, FfmpegSource.SETTING));
        } catch (ProbeFailed e) {
            return Resolution.missing(said + programs.ffmpeg() + " does not run: " + e.getMessage() + ". " + ADVICE);
        }
    }

    private Optional<Programs> onPath(List<String> reasons) {
        Optional<Path> ffmpeg = firstOnPath("ffmpeg");
        Optional<Path> ffprobe = firstOnPath("ffprobe");
        if (ffmpeg.isPresent() && ffprobe.isPresent()) {
            return Optional.of(new Programs(ffmpeg.get(), ffprobe.get()));
        }
        if (ffmpeg.isEmpty() && ffprobe.isEmpty()) {
            reasons.add("neither ffmpeg nor ffprobe is on the PATH");
        } else {
            reasons.add(ffmpeg.isPresent() ? "ffmpeg is on the PATH but ffprobe is not" : "ffprobe is on the PATH but ffmpeg is not");
        }
        return Optional.empty();
    }

    private Optional<Path> firstOnPath(String program) {
        for (String folder : pathVariable.split(Pattern.quote(File.pathSeparator))) {
            if (folder.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder).resolve(executable(program));
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // Not a folder name: the shell would pass over it too.
            }
        }
        return Optional.empty();
    }

    private FfmpegInstallation probe(Programs programs, FfmpegSource source) throws ProbeFailed {
        Map<String, String> environment = environmentFor(programs.ffmpeg());
        String version = version(run(programs.ffmpeg(), environment, "-version").stdout());
        run(programs.ffprobe(), environment, "-version");
        Set<String> encoders = encoders(run(programs.ffmpeg(), environment, "-hide_banner", "-encoders").stdout());
        return new FfmpegInstallation(programs.ffmpeg(), programs.ffprobe(), source, version, encoders, environment);
    }

    private static ProcessResult run(Path program, Map<String, String> environment, String... arguments) throws ProbeFailed {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(arguments));
        ProcessResult result;
        try {
            result = ExternalProcess.run(command, environment, PROBE_TIMEOUT);
        } catch (UncheckedIOException e) {
            throw new ProbeFailed(e.getMessage());
        }
        if (!result.succeeded()) {
            String said = result.stderrTail(3);
            throw new ProbeFailed(program.getFileName() + " " + String.join(" ", arguments)
                    + (result.timedOut() ? " took longer than " + PROBE_TIMEOUT.toSeconds() + " s" : " exited with " + result.exitCode())
                    + (said.isEmpty() ? "" : ": " + said));
        }
        return result;
    }

    /**
     * Programs that keep their shared libraries beside them (the bundled ones: their libraries
     * find each other only through the folder) run with that folder first on {@code LD_LIBRARY_PATH}.
     */
    static Map<String, String> environmentFor(Path ffmpeg) {
        Path folder = ffmpeg.toAbsolutePath().getParent();
        if (!LINUX || folder == null) {
            return Map.of();
        }
        try (DirectoryStream<Path> libraries = Files.newDirectoryStream(folder, "libavutil.so*")) {
            if (!libraries.iterator().hasNext()) {
                return Map.of();
            }
        } catch (IOException e) {
            return Map.of();
        }
        String inherited = System.getenv("LD_LIBRARY_PATH");
        return Map.of("LD_LIBRARY_PATH", inherited == null || inherited.isBlank() ? folder.toString() : folder + File.pathSeparator + inherited);
    }

    /** The version from the first line of {@code ffmpeg -version}: "ffmpeg version 8.1.2 Copyright …" → "8.1.2". */
    static String version(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput.lines().findFirst().orElse(""));
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    /** The encoder names of {@code ffmpeg -hide_banner -encoders}: the second column of the rows after the "------" line. */
    static Set<String> encoders(String encodersOutput) {
        Set<String> names = new TreeSet<>();
        boolean rows = false;
        for (String line : encodersOutput.lines().toList()) {
            if (!rows) {
                rows = line.strip().startsWith("------");
                continue;
            }
            Matcher matcher = ENCODER.matcher(line);
            if (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** ffprobe beside a configured ffmpeg: the same name with "ffprobe" for "ffmpeg" ({@code ffmpeg-7} → {@code ffprobe-7}). */
    private static Path besideFfmpeg(Path ffmpeg) {
        Path name = ffmpeg.getFileName();
        String probe = name != null && name.toString().contains("ffmpeg") ? name.toString().replaceFirst("ffmpeg", "ffprobe")
                : executable("ffprobe");
        return ffmpeg.resolveSibling(probe);
    }

    private static String executable(String program) {
        return WINDOWS ? program + ".exe" : program;
    }

    /** A candidate that is there but does not run; the message says how it failed. */
    static final class ProbeFailed extends Exception {
        ProbeFailed(String message) {
            super(message, null, false, false);
        }
    }
}
