-- Setup and bulk-edit jobs (seed 003): one row per job, one per step of each user. The engine advances a job with its
-- row locked, so a reply, a retry and the sweeper never advance one job at once.
create table job (
    id           uuid primary key,
    network_id   uuid        not null,
    type         text        not null,
    action       text,
    status       text        not null,
    round        int         not null default 1,
    users        int         not null,
    requested_by text        not null,
    request      jsonb       not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    completed_at timestamptz
);
create index job_by_network on job (network_id, created_at desc, id desc);
create index job_running on job (status) where status = 'running';

create table job_step (
    job_id      uuid        not null references job (id),
    user_id     uuid        not null,
    position    int         not null,
    stage       text        not null,
    seq         int         not null,
    status      text        not null,
    input       jsonb       not null default '{}',
    detail      text,
    reason      text,
    request_id  uuid,
    attempts    int         not null default 0,
    sent_at     timestamptz,
    finished_at timestamptz,
    primary key (job_id, user_id, stage)
);
create index job_step_by_request on job_step (request_id) where request_id is not null;
create index job_step_open_by_user on job_step (user_id) where status in ('pending', 'running', 'failed', 'skipped');
