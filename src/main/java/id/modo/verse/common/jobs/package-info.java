/**
 * Background work in PostgreSQL through db-scheduler, so each task runs once across app nodes: the recurring
 * housekeeping, and {@link id.modo.verse.common.jobs.Jobs}, long tasks with states, progress that pages and API
 * clients watch as server-sent events, cancel and retry.
 */
@org.springframework.modulith.NamedInterface("jobs")
@org.jspecify.annotations.NullMarked
package id.modo.verse.common.jobs;
