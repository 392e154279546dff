/*
 * The Bible PDF tab: the form posts the chosen sections and language as JSON-accepting fetch, then the job's
 * progress streams from /jobs/{id}/events (server-sent events) into the bar; once completed the latest PDF's
 * download link shows. Without JavaScript the form posts normally and the page says to come back.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    var form = document.querySelector('[data-bible-pdf]');
    if (!form) {
        return;
    }
    var button = form.querySelector('[data-bible-generate]');
    var progress = form.querySelector('[data-bible-progress]');
    var bar = progress.querySelector('progress');
    var status = progress.querySelector('[data-bible-status]');
    var download = progress.querySelector('[data-bible-download]');
    var stream = null;

    function show(job) {
        var text = form.getAttribute('data-' + job.state) || '';
        status.textContent = text.replace('{message}', job.message || '');
        bar.value = job.percent;
        if (job.state === 'completed') {
            download.hidden = false;
        }
        if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') {
            stream.close();
            button.disabled = false;
        }
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (!form.querySelector('input[name="sections"]:checked')) {
            progress.hidden = false;
            status.textContent = form.getAttribute('data-choose-one');
            return;
        }
        button.disabled = true;
        download.hidden = true;
        bar.value = 0;
        status.textContent = form.getAttribute('data-pending');
        progress.hidden = false;
        fetch(form.action, {
            method: 'POST',
            headers: {'Accept': 'application/json'},
            body: new URLSearchParams(new FormData(form))
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            return response.json();
        }).then(function (started) {
            if (stream) {
                stream.close();
            }
            stream = new EventSource('/jobs/' + started.job_id + '/events');
            stream.addEventListener('job', function (e) {
                show(JSON.parse(e.data));
            });
        }).catch(function () {
            status.textContent = form.getAttribute('data-failed');
            button.disabled = false;
        });
    });
});
