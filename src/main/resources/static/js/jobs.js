/*
 * Background jobs on a page (common.jobs). A [data-job-export] block holds buttons [data-job-start]
 * whose value is the form body to post to the block's address; the answer names the job, whose progress
 * then streams from /jobs/{id}/events (server-sent events) into the <progress> bar and the status line,
 * and a completed job's file is offered at /jobs/{id}/output. The block stays hidden without JavaScript,
 * where the page's plain download links do the same in one request.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    document.querySelectorAll('[data-job-export]').forEach(function (block) {
        var progress = block.querySelector('[data-job-progress]');
        var bar = progress.querySelector('progress');
        var status = progress.querySelector('[data-job-status]');
        var download = progress.querySelector('[data-job-download]');
        var buttons = block.querySelectorAll('[data-job-start]');
        var stream = null;

        function busy(on) {
            buttons.forEach(function (button) { button.disabled = on; });
        }

        function show(job) {
            var text = block.getAttribute('data-' + job.state) || '';
            status.textContent = text.replace('{done}', job.done).replace('{total}', job.total || '…');
            bar.value = job.percent;
            if (job.state === 'completed') {
                download.href = '/jobs/' + job.id + '/output';
                download.hidden = false;
            }
            if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') {
                stream.close();
                busy(false);
            }
        }

        function watch(id) {
            if (stream) {
                stream.close();
            }
            stream = new EventSource('/jobs/' + id + '/events');
            stream.addEventListener('job', function (event) {
                show(JSON.parse(event.data));
            });
        }

        buttons.forEach(function (button) {
            button.addEventListener('click', function () {
                var body = new URLSearchParams(button.getAttribute('data-job-start'));
                body.append(block.getAttribute('data-csrf-name'), block.getAttribute('data-csrf-token'));
                busy(true);
                download.hidden = true;
                bar.value = 0;
                status.textContent = block.getAttribute('data-pending');
                progress.hidden = false;
                fetch(block.getAttribute('data-job-export'), {
                    method: 'POST',
                    headers: {'Accept': 'application/json'},
                    body: body
                }).then(function (response) {
                    if (!response.ok) {
                        throw new Error(String(response.status));
                    }
                    return response.json();
                }).then(function (started) {
                    watch(started.job_id);
                }).catch(function () {
                    status.textContent = block.getAttribute('data-failed');
                    busy(false);
                });
            });
        });
        block.hidden = false;
    });
});
