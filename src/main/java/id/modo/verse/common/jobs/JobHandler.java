package id.modo.verse.common.jobs;

import java.util.Map;
import java.util.UUID;

/**
 * The work behind one kind of job. A module declares a bean for each kind it runs; {@link Jobs#submit}
 * names the kind and the runner calls {@link #run} on whichever node picks the job up. A run may be
 * started again on another node when its node dies, so the work must be safe to repeat: write results
 * through the {@link JobContext}, whose writes a superseded run cannot make.
 */
public interface JobHandler {

    /** The job kind this handler runs, such as {@code screenplay-pdf}: short, lower case, unique. */
    String kind();

    /**
     * Does the work, reporting progress and checking for cancel through {@code context}; returns the
     * job's result (small: ids and names, not content). A thrown exception fails the job with its message,
     * {@link JobCancelledException} cancels it.
     */
    Map<String, Object> run(JobContext context) throws Exception;

    /**
     * Whether {@code user} may see the job, its progress and its output: by default only who started it.
     * A handler whose jobs belong to shared work widens it (the project's readers).
     */
    default boolean visibleTo(UUID user, Job job) {
        return job.createdBy().equals(user);
    }
}
