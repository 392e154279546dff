/*
 * Watch pages. [data-watch-player]: plays the HLS master playlist with hls.js (Chromium plays HLS only through Media
 * Source Extensions; Safari natively), starts at data-start (the saved position), lets the viewer pick a quality (and
 * shows the one playing), and reports the position to /watch/progress every 10 s, on pause and when leaving; offers the subtitles the master playlist
 * lists (remembering the viewer's choice), shows seek previews from the video's thumbnail sprite ([data-watch-seek]) and, when a link the master playlist
 * handed out has expired (a long pause), loads it again for fresh ones. [data-watch-tus]: sends a large video by tus 1.0
 * in pieces, resuming after a dropped connection (and after a reload, for the same file). [data-watch-job]: follows a
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

        seekPreviews(video, source);

        if (window.Hls && window.Hls.isSupported()) {
            var hls = new window.Hls({enableWorker: false});
            var renewedAt = 0;
            hls.loadSource(source);
            hls.attachMedia(video);
            hls.on(window.Hls.Events.ERROR, function (event, data) {
                var expired = data.fatal && data.type === window.Hls.ErrorTypes.NETWORK_ERROR && data.response && data.response.code === 403;
                if (expired && Date.now() - renewedAt > 60000) {
                    renewedAt = Date.now();
                    hls.config.startPosition = video.currentTime;
                    hls.loadSource(source);
                }
            });
            hls.on(window.Hls.Events.SUBTITLE_TRACKS_UPDATED, function (event, data) {
                subtitleChoice(hls, data.subtitleTracks, 'modo-watch-subtitles:' + (video.getAttribute('data-viewer') || ''));
            });
            hls.on(window.Hls.Events.MANIFEST_PARSED, function (event, data) {
                if (!quality || quality.options.length > 1) {
                    return;
                }
                data.levels.forEach(function (level, index) {
                    var option = document.createElement('option');
                    option.value = String(index);
                    option.textContent = level.height + 'p';
                    quality.appendChild(option);
                });
                quality.addEventListener('change', function () {
                    // nextLevel switches from the next fragment on and keeps what already plays; currentLevel would flush
                    // the whole buffer and stall. -1 hands the choice back to hls.js's bandwidth estimate.
                    hls.nextLevel = parseInt(quality.value, 10);
                });
            });
            hls.on(window.Hls.Events.LEVEL_SWITCHED, function (event, data) {
                var playing = document.querySelector('[data-watch-quality-playing]');
                if (playing) {
                    playing.querySelector('[data-watch-quality-height]').textContent = hls.levels[data.level].height + 'p';
                    playing.hidden = false;
                }
            });
            video.hls = hls;
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
            video.src = source;
            if (quality) {
                quality.parentElement.hidden = true;
            }
        }
    });

    /*
     * The subtitle menu. The viewer's choice (a language, or off) is kept in this browser's localStorage under their user
     * id, and chosen again on the next title or episode that has a track in that language.
     */
    function subtitleChoice(hls, tracks, key) {
        var box = document.querySelector('[data-watch-subtitles-box]');
        var select = box && box.querySelector('[data-watch-subtitles]');
        if (!select || !tracks.length || select.options.length > 1) {
            return;
        }
        tracks.forEach(function (track, index) {
            var option = document.createElement('option');
            option.value = String(index);
            option.textContent = track.name + (track.lang ? ' (' + track.lang + ')' : '');
            select.appendChild(option);
        });

        function show(index) {
            hls.subtitleDisplay = index >= 0;
            hls.subtitleTrack = index;
        }

        var saved = remembered(key);
        var savedIndex = saved === 'off' ? -1 : tracks.findIndex(function (track) { return (track.lang || track.name) === saved; });
        if (saved === 'off' || savedIndex >= 0) {
            select.value = String(savedIndex);
            show(savedIndex);
        }
        select.addEventListener('change', function () {
            var index = parseInt(select.value, 10);
            show(index);
            remember(key, index >= 0 ? tracks[index].lang || tracks[index].name : 'off');
        });
        box.hidden = false;
    }

    /* localStorage may be switched off or full (private windows); the choice is then simply not kept. */
    function remembered(key) {
        try {
            return window.localStorage.getItem(key);
        } catch (e) {
            return null;
        }
    }

    function remember(key, value) {
        try {
            window.localStorage.setItem(key, value);
        } catch (e) {
            // Not kept; the menu still works for this page.
        }
    }

    function clock(seconds) {
        var s = Math.max(0, Math.floor(seconds));
        var h = Math.floor(s / 3600);
        var m = Math.floor(s / 60) % 60;
        var rest = ('0' + (s % 60)).slice(-2);
        return h > 0 ? h + ':' + ('0' + m).slice(-2) + ':' + rest : m + ':' + rest;
    }

    function vttTime(text) {
        var parts = text.trim().split(':').map(parseFloat);
        return parts.reduce(function (total, part) { return total * 60 + part; }, 0);
    }

    /* The thumbnails map (WebVTT cues of "sprite.jpg?link#xywh=x,y,w,h") shown above a seek bar as the pointer moves over it. */
    function seekPreviews(video, source) {
        var seek = document.querySelector('[data-watch-seek]');
        if (!seek) {
            return;
        }
        var range = seek.querySelector('input');
        var preview = seek.querySelector('[data-watch-preview]');
        var label = seek.querySelector('[data-watch-preview-time]');
        var mapUrl = new URL(source.replace(/master\.m3u8$/, 'thumbnails.vtt'), window.location.href);
        var cues = [];
        var dragging = false;
        fetch(mapUrl, {credentials: 'same-origin'}).then(function (response) {
            return response.ok ? response.text() : '';
        }).then(function (text) {
            text.split(/\r?\n\r?\n/).forEach(function (block) {
                var lines = block.split(/\r?\n/);
                var timing = lines.findIndex(function (line) { return line.indexOf('-->') >= 0; });
                var target = timing >= 0 ? lines[timing + 1] : null;
                var match = target && /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target.trim());
                if (match) {
                    var times = lines[timing].split('-->');
                    cues.push({start: vttTime(times[0]), end: vttTime(times[1]), url: new URL(match[1], mapUrl).href,
                        x: +match[2], y: +match[3], w: +match[4], h: +match[5]});
                }
            });
        });

        function show(seconds, offset) {
            var cue = cues.find(function (c) { return seconds >= c.start && seconds < c.end; }) || cues[cues.length - 1];
            label.textContent = clock(seconds);
            if (cue) {
                preview.style.width = cue.w + 'px';
                preview.style.height = cue.h + 'px';
                preview.style.backgroundImage = 'url("' + cue.url + '")';
                preview.style.backgroundPosition = (-cue.x) + 'px ' + (-cue.y) + 'px';
            }
            var width = cue ? cue.w : 60;
            preview.style.left = Math.max(0, Math.min(range.clientWidth - width, offset - width / 2)) + 'px';
            preview.hidden = false;
        }

        video.addEventListener('loadedmetadata', function () {
            if (isFinite(video.duration)) {
                range.max = String(Math.floor(video.duration));
                seek.hidden = false;
            }
        });
        video.addEventListener('timeupdate', function () {
            if (!dragging) {
                range.value = String(Math.floor(video.currentTime));
            }
        });
        range.addEventListener('pointermove', function (event) {
            var box = range.getBoundingClientRect();
            var fraction = Math.max(0, Math.min(1, (event.clientX - box.left) / box.width));
            show(fraction * (video.duration || 0), event.clientX - box.left);
        });
        range.addEventListener('pointerleave', function () { preview.hidden = true; });
        range.addEventListener('input', function () {
            dragging = true;
            show(parseFloat(range.value), range.value / (range.max || 1) * range.clientWidth);
        });
        range.addEventListener('change', function () {
            dragging = false;
            video.currentTime = parseFloat(range.value);
            preview.hidden = true;
        });
    }

    /* Files under this size post as multipart in one request; larger ones go by tus. */
    var TUS_FROM = 32 * 1024 * 1024;
    var TUS_CHUNK = 16 * 1024 * 1024;

    document.querySelectorAll('form[data-watch-tus]').forEach(function (form) {
        var input = form.querySelector('input[type="file"]');
        var button = form.querySelector('button[type="submit"]');
        var box = form.querySelector('[data-watch-tus-progress]');
        var bar = box.querySelector('progress');
        var status = box.querySelector('[data-watch-tus-status]');

        function headers(extra) {
            var all = {'Tus-Resumable': '1.0.0', 'X-XSRF-TOKEN': form.getAttribute('data-csrf-token')};
            Object.keys(extra || {}).forEach(function (name) { all[name] = extra[name]; });
            return all;
        }

        function wait(ms) {
            return new Promise(function (resolve) { window.setTimeout(resolve, ms); });
        }

        function offsetOf(location) {
            return fetch(location, {method: 'HEAD', headers: headers(), credentials: 'same-origin'}).then(function (response) {
                return response.ok ? parseInt(response.headers.get('Upload-Offset'), 10) : -1;
            });
        }

        function create(file) {
            var name = btoa(unescape(encodeURIComponent(file.name)));
            return fetch(form.getAttribute('data-watch-tus'), {method: 'POST', credentials: 'same-origin',
                headers: headers({'Upload-Length': String(file.size), 'Upload-Metadata': 'filename ' + name})}).then(function (response) {
                if (response.status !== 201) {
                    return response.json().then(function (problem) { throw new Error(problem.detail || response.statusText); });
                }
                return response.headers.get('Location');
            });
        }

        function send(file, location, offset, failures) {
            bar.value = Math.floor(offset / file.size * 100);
            status.textContent = bar.value + ' %';
            if (offset >= file.size) {
                return Promise.resolve();
            }
            var end = Math.min(file.size, offset + TUS_CHUNK);
            return fetch(location, {method: 'PATCH', credentials: 'same-origin', body: file.slice(offset, end),
                headers: headers({'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream'})}).then(function (response) {
                if (response.status === 204) {
                    return send(file, location, parseInt(response.headers.get('Upload-Offset'), 10), 0);
                }
                if (response.status === 409 && failures < 5) {
                    return offsetOf(location).then(function (at) { return send(file, location, at, failures + 1); });
                }
                return response.json().then(function (problem) { throw new Error(problem.detail || response.statusText); });
            }, function (dropped) {
                // The connection dropped: ask where the upload stands and go on from there, a few times, waiting longer each time.
                if (failures >= 5) {
                    throw dropped;
                }
                return wait(1000 * Math.pow(2, failures)).then(function () { return offsetOf(location); })
                    .then(function (at) { return send(file, location, at < 0 ? offset : at, failures + 1); });
            });
        }

        form.addEventListener('submit', function (event) {
            var file = input.files && input.files[0];
            if (!file || file.size < TUS_FROM || !window.fetch || !window.localStorage) {
                return;
            }
            event.preventDefault();
            button.disabled = true;
            box.hidden = false;
            var key = 'modo-tus:' + form.getAttribute('data-watch-tus') + ':' + file.name + ':' + file.size + ':' + file.lastModified;
            var known = window.localStorage.getItem(key);
            (known ? offsetOf(known).then(function (at) { return at >= 0 ? {location: known, offset: at} : null; }) : Promise.resolve(null))
                .then(function (resumed) {
                    return resumed || create(file).then(function (location) {
                        window.localStorage.setItem(key, location);
                        return {location: location, offset: 0};
                    });
                })
                .then(function (upload) { return send(file, upload.location, upload.offset, 0); })
                .then(function () {
                    window.localStorage.removeItem(key);
                    window.location.reload();
                }, function (error) {
                    status.textContent = form.getAttribute('data-failed') + ' ' + (error && error.message ? error.message : '');
                    button.disabled = false;
                });
        });
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
