// Studio's AI flows (jte/studio/ai-button.jte): posts the flow's form with its CSRF token, asking for server-sent
// events (fetch and a ReadableStream, since EventSource cannot POST), shows the text as it is written, and on the
// proposal's event opens its review page, where Accept and Discard are plain forms. Without a script the form posts
// and the server answers with the same review page. Generated text only ever goes into textContent.
(function () {
    if (window.modoStudioAi) {
        return;
    }
    window.modoStudioAi = true;

    function setUp(form) {
        var start = form.querySelector('.studio-ai__start');
        var preview = form.querySelector('.studio-ai__preview');
        var text = form.querySelector('.studio-ai__text');
        var status = form.querySelector('.studio-ai__status');

        function finish(message) {
            status.textContent = message;
            start.disabled = false;
        }

        form.addEventListener('submit', function (event) {
            if (!window.fetch || !window.TextDecoder) {
                return;
            }
            event.preventDefault();
            var review = null;
            text.textContent = '';
            preview.hidden = false;
            start.disabled = true;
            status.textContent = form.getAttribute('data-working');
            fetch(form.getAttribute('action'), {
                method: 'POST',
                headers: {'Accept': 'text/event-stream'},
                body: new URLSearchParams(new FormData(form))
            }).then(function (response) {
                if (!response.ok || !response.body) {
                    throw new Error(String(response.status));
                }
                return window.modoPostedEvents(response, function (name, data) {
                    if (name === 'token') {
                        text.textContent += data.text;
                    } else if (name === 'discarded') {
                        // An answer that did not fit was thrown away; the next one streams from the start.
                        text.textContent = '';
                    } else if (name === 'result') {
                        review = data.review_url;
                    } else if (name === 'error') {
                        finish(data.detail || form.getAttribute('data-failed'));
                    }
                });
            }).then(function () {
                if (review) {
                    window.location.assign(review);
                } else if (start.disabled) {
                    finish(form.getAttribute('data-failed'));
                }
            }).catch(function () {
                finish(form.getAttribute('data-failed'));
            });
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-studio-ai]').forEach(setUp);
    });
})();
