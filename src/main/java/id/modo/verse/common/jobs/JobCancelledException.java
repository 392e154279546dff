package id.modo.verse.common.jobs;

/** Thrown inside a running job when a cancel was asked for; the runner ends the job {@code cancelled}. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        super("The job was cancelled.", null, false, false);
    }
}
