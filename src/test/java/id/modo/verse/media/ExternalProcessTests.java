package id.modo.verse.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Running an outside program: output, exit code, and the timeout that leaves no process behind. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ExternalProcessTests {

    @TempDir
    Path dir;

    @Test
    void keepsStandardOutputErrorAndExitCode() {
        ProcessResult result = ExternalProcess.run(List.of("sh", "-c", "echo out; echo \"$GREETING\" >&2; exit 3"),
                Map.of("GREETING", "selamat pagi"), Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("selamat pagi\n");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void aProgramPastItsTimeoutIsKilledWithEverythingItStarted() throws Exception {
        Path pid = dir.resolve("child.pid");
        ProcessResult result = ExternalProcess.run(List.of("sh", "-c", "sleep 120 & echo $! > " + pid + "; echo started >&2; wait"),
                Map.of(), Duration.ofSeconds(1));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).isEqualTo("started\n");
        long child = Long.parseLong(Files.readString(pid).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> result.orThrow("sleep")))
                .hasMessageStartingWith("sleep was stopped after").hasMessageContaining("(timeout)");
    }

    @Test
    void orThrowNamesWhatRanAndTheEndOfItsLog() {
        ProcessResult failed = ExternalProcess.run(List.of("sh", "-c", "echo 'Unknown encoder libx999' >&2; exit 8"), Map.of(),
                Duration.ofSeconds(30));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> failed.orThrow("ffmpeg (rendition 720p)")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ffmpeg (rendition 720p) exited with 8:\nUnknown encoder libx999");
    }

    @Test
    void standardErrorKeepsItsEndAndStandardOutputItsStart() {
        ProcessResult result = ExternalProcess.run(List.of("sh", "-c",
                        "i=0; while [ $i -lt 12000 ]; do echo \"line $i of a long ffmpeg log\" >&2; i=$((i+1)); done; echo done"),
                Map.of(), Duration.ofSeconds(60));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stderr().length()).isLessThanOrEqualTo(ExternalProcess.STDERR_LIMIT);
        assertThat(result.stderr()).endsWith("line 11999 of a long ffmpeg log\n").doesNotContain("line 0 of");
        assertThat(result.stdout()).isEqualTo("done\n");
    }

    @Test
    void anInterruptedCallerKillsTheProgram() throws Exception {
        Path pid = dir.resolve("interrupted.pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                ExternalProcess.run(List.of("sh", "-c", "echo $$ > " + pid + "; exec sleep 120"), Map.of(), Duration.ofMinutes(5));
            } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
        caller.interrupt();
        caller.join(Duration.ofSeconds(15));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(flagKept.get()).isTrue();
        long program = Long.parseLong(Files.readString(pid).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(program).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aMissingProgramCannotStart() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                ExternalProcess.run(List.of(dir.resolve("no-such-program").toString()), Map.of(), Duration.ofSeconds(5))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("Cannot start");
    }
}
