/*
 * A character's AI picture while it is made (jte/studio/character-picture.jte): its job's progress streams from
 * /jobs/{id}/events into the <progress> bar and the status line, and the page is read again once the job ended, to
 * show the picture with Accept and Discard, or the reason. A generation still waiting for a slot has no job yet: the
 * page is read again shortly to find it.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    document.querySelectorAll('[data-picture-job]').forEach(function (block) {
        var id = block.getAttribute('data-picture-job');
        if (!id) {
            window.setTimeout(function () { window.location.reload(); }, 3000);
            return;
        }
        var bar = block.querySelector('progress');
        var status = block.querySelector('[data-picture-state]');
        var stream = new EventSource('/jobs/' + id + '/events');
        stream.addEventListener('job', function (event) {
            var job = JSON.parse(event.data);
            bar.value = job.percent;
            status.textContent = block.getAttribute('data-' + job.state) || status.textContent;
            if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') {
                stream.close();
                // once per job: a page that still shows it under way after the reload keeps the text instead of reloading again
                if (sessionStorage.getItem('picture-ended-' + id) === null) {
                    sessionStorage.setItem('picture-ended-' + id, job.state);
                    window.location.reload();
                }
            }
        });
    });
});
