package id.modo.verse.common.jobs;

import org.jspecify.annotations.Nullable;

/** What a running {@link JobHandler} sees of its job: what it was asked, and where to report. */
public interface JobContext {

    Job job();

    /**
     * Records progress ({@code done} of {@code total} units, and a short message for people), which reaches
     * everyone watching the job. Throws {@link JobCancelledException} once a cancel was asked for, so a
     * handler that reports often is cancellable without checking.
     */
    void progress(long done, long total, @Nullable String message);

    /** Whether someone asked to cancel; a handler that can stop between steps checks it and throws {@link JobCancelledException}. */
    boolean cancelled();

    /** Keeps a file for the user to download once the job completed (a PDF export); one a job, replaced when run again. */
    void output(String fileName, String contentType, byte[] content);
}
