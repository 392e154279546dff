-- common: infrastructure tables only (no business data).
--
-- 1. Spring Modulith 2.1 JDBC event publication registry (transactional outbox), PostgreSQL.
--    Copied verbatim from spring-modulith-events-jdbc-2.1.1.jar:
--    org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql and
--    .../v2/schema-postgresql-archive.sql. v2 is the structure Modulith 2.x uses unless
--    spring.modulith.events.jdbc.use-legacy-structure=true. The archive table is only written
--    when spring.modulith.events.completion-mode=archive; it is created so that switching the
--    mode needs no migration. Schema initialization by Modulith itself stays disabled
--    (spring.modulith.events.jdbc.schema-initialization.enabled=false): Flyway owns the schema.

CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

CREATE TABLE IF NOT EXISTS event_publication_archive
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_archive_serialized_event_hash_idx ON event_publication_archive USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_archive_by_completion_date_idx ON event_publication_archive (completion_date);

-- 2. db-scheduler 16.12.0 task table, PostgreSQL: the official DDL of
--    kagkarlsson/db-scheduler, db-scheduler/src/test/resources/postgresql_tables.sql
--    (columns, types and indexes of the 16.x line, including priority). The table name is
--    the one configured in db-scheduler.table-name.

create table scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked BOOLEAN not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures INT,
  last_heartbeat timestamp with time zone,
  version BIGINT not null,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
