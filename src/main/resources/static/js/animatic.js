/*
 * The Animatic tab (studio.animatic). A render form posts with Accept: application/json and gets the job to follow;
 * a [data-animatic-job] block follows its job at /jobs/{id}/events (server-sent events) into a <progress> bar, and the
 * page is read again once the job ended, to show the video, or the reason and the retry button. Without JavaScript
 * the forms post as usual and the page says a render is under way.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    function follow(block) {
        var id = block.getAttribute('data-animatic-job');
        var bar = block.querySelector('progress');
        var status = block.querySelector('[data-animatic-status]');
        var stream = new EventSource('/jobs/' + id + '/events');
        stream.addEventListener('job', function (event) {
            var job = JSON.parse(event.data);
            bar.value = job.percent;
            status.textContent = (block.getAttribute('data-' + job.state) || '').replace('{percent}', job.percent);
            if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') {
                stream.close();
                // once per job: a page that still shows it running after the reload keeps the text instead of reloading again
                if (sessionStorage.getItem('animatic-ended-' + id) === null) {
                    sessionStorage.setItem('animatic-ended-' + id, job.state);
                    window.location.reload();
                }
            }
        });
    }

    document.querySelectorAll('[data-animatic-job]').forEach(follow);

    document.querySelectorAll('[data-animatic-form]').forEach(function (form) {
        var error = form.querySelector('[data-animatic-error]');
        var submit = form.querySelector('[data-animatic-submit]');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            submit.disabled = true;
            error.hidden = true;
            fetch(form.action, {
                method: 'POST',
                headers: {'Accept': 'application/json'},
                body: new URLSearchParams(new FormData(form))
            }).then(function (response) {
                return response.json().then(function (body) {
                    if (!response.ok) {
                        throw new Error(body.error || String(response.status));
                    }
                    // the page shows the new render with its progress bar, which follows the job from there
                    window.location.reload();
                });
            }).catch(function (failure) {
                error.textContent = failure.message;
                error.hidden = false;
                submit.disabled = false;
            });
        });
    });
});
