-- Long tasks run as db-scheduler one-time tasks (common.jobs): one row a job, its state and progress.
create table jobs (
    id               uuid primary key,
    kind             varchar(60)  not null,
    organization_id  uuid,
    created_by       uuid         not null,
    subject          uuid,
    input            jsonb        not null default '{}'::jsonb,
    state            varchar(20)  not null default 'pending'
        check (state in ('pending', 'running', 'completed', 'failed', 'cancelled')),
    progress_done    bigint       not null default 0 check (progress_done >= 0),
    progress_total   bigint       not null default 0 check (progress_total >= 0),
    message          varchar(500),
    result           jsonb,
    error            varchar(2000),
    -- each run's number; a run's writes name it, so a run taken over from a dead node cannot write after its successor
    attempts         integer      not null default 0,
    cancel_requested boolean      not null default false,
    created_at       timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz  not null default now()
);

create index jobs_created_by_idx on jobs (created_by, created_at desc, id desc);

-- A file a job made for its user to download (a PDF export); large media belongs in the media library.
create table job_outputs (
    job_id       uuid primary key references jobs (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);
