/*
 * Watch pages. [data-watch-player]: plays the HLS master playlist with hls.js (Chromium plays HLS only through Media
 * Source Extensions; Safari natively), starts at data-start (the saved position), lets the viewer pick a quality, and
 * reports the position to /watch/progress every 10 s, on pause and when leaving. [data-watch-job]: follows a
 * transcoding job's server-sent events into its progress bar and reloads the page when the job ends.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    document.querySelectorAll('video[data-watch-player]').forEach(function (video) {
        var source = video.getAttribute('data-watch-player');
        var start = parseInt(video.getAttribute('data-start') || '0', 10);
        var quality = document.querySelector('[data-watch-quality]');
        var lastSent = -1;

        function report() {
            if (!isFinite(video.duration) || video.duration <= 0) {
                return;
            }
            var position = Math.floor(video.currentTime);
            if (position === lastSent) {
                return;
            }
            lastSent = position;
            var body = new URLSearchParams();
            body.set(video.getAttribute('data-csrf-name'), video.getAttribute('data-csrf'));
            body.set('content', video.getAttribute('data-content'));
            if (video.getAttribute('data-episode')) {
                body.set('episode', video.getAttribute('data-episode'));
            }
            body.set('position', String(position));
            body.set('duration', String(Math.floor(video.duration)));
            fetch('/watch/progress', {method: 'POST', body: body, credentials: 'same-origin', keepalive: true});
        }

        video.addEventListener('loadedmetadata', function () {
            if (start > 0 && start < video.duration) {
                video.currentTime = start;
            }
        }, {once: true});
        video.addEventListener('pause', report);
        video.addEventListener('ended', report);
        window.setInterval(function () { if (!video.paused) { report(); } }, 10000);
        window.addEventListener('pagehide', report);

        if (window.Hls && window.Hls.isSupported()) {
            var hls = new window.Hls({enableWorker: false});
            hls.loadSource(source);
            hls.attachMedia(video);
            hls.on(window.Hls.Events.MANIFEST_PARSED, function (event, data) {
                if (!quality) {
                    return;
                }
                data.levels.forEach(function (level, index) {
                    var option = document.createElement('option');
                    option.value = String(index);
                    option.textContent = level.height + 'p';
                    quality.appendChild(option);
                });
                quality.addEventListener('change', function () {
                    hls.currentLevel = parseInt(quality.value, 10);
                });
            });
            video.hls = hls;
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
            video.src = source;
            if (quality) {
                quality.parentElement.hidden = true;
            }
        }
    });

    document.querySelectorAll('[data-watch-job]').forEach(function (box) {
        var bar = box.querySelector('progress');
        var status = box.querySelector('[data-watch-job-status]');
        var stream = new EventSource('/jobs/' + box.getAttribute('data-watch-job') + '/events');
        stream.addEventListener('job', function (event) {
            var job = JSON.parse(event.data);
            bar.value = job.percent;
            status.textContent = job.message || '';
            if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') {
                stream.close();
                window.location.reload();
            }
        });
    });
});
