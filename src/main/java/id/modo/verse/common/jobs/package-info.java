/** Scheduled and retried background jobs (db-scheduler), kept in PostgreSQL so they run once across app nodes. */
package id.modo.verse.common.jobs;
