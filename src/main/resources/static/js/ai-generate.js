// "Generate with AI" on a field (jte/ai/generate-button.jte): posts the field's inputs with the page's CSRF token,
// reads the server-sent events from the response as they arrive (fetch and a ReadableStream, since EventSource
// cannot POST), shows the text growing, then lets the user Accept it into the field (they still save) or Discard it.
// Generated text is data: it only ever goes into textContent and a textarea's value, never into HTML.
(function () {
    if (window.modoAiGenerate) {
        return;
    }
    window.modoAiGenerate = true;

    function setUp(block) {
        var start = block.querySelector('.ai-generate__start');
        if (!start) {
            return;
        }
        var preview = block.querySelector('.ai-generate__preview');
        var text = block.querySelector('.ai-generate__text');
        var status = block.querySelector('.ai-generate__status');
        var actions = block.querySelector('.ai-generate__actions');
        var target = document.getElementById(block.getAttribute('data-target'));
        var inputs = JSON.parse(block.getAttribute('data-inputs') || '{}');
        var result = null;

        function finish(message) {
            status.textContent = message;
            start.disabled = false;
        }

        start.addEventListener('click', function () {
            var body = new URLSearchParams();
            body.append(block.getAttribute('data-csrf-name'), block.getAttribute('data-csrf-token'));
            body.append('type', block.getAttribute('data-type'));
            if (block.getAttribute('data-project')) {
                body.append('project_id', block.getAttribute('data-project'));
            }
            if (block.getAttribute('data-language')) {
                body.append('language', block.getAttribute('data-language'));
            }
            Object.keys(inputs).forEach(function (name) {
                var field = document.getElementById(inputs[name]);
                if (field && field.value.trim()) {
                    body.append('input.' + name, field.value);
                }
            });
            result = null;
            text.textContent = '';
            actions.hidden = true;
            preview.hidden = false;
            start.disabled = true;
            status.textContent = block.getAttribute('data-working');
            fetch(block.getAttribute('data-ai-generate'), {
                method: 'POST',
                headers: {'Accept': 'text/event-stream'},
                body: body
            }).then(function (response) {
                if (!response.ok || !response.body) {
                    throw new Error(String(response.status));
                }
                return window.modoPostedEvents(response, function (name, data) {
                    if (name === 'token') {
                        text.textContent += data.text;
                    } else if (name === 'discarded') {
                        // A structured answer that did not fit was thrown away; the next one streams from the start.
                        text.textContent = '';
                    } else if (name === 'generation') {
                        result = data.result;
                        text.textContent = result;
                        actions.hidden = false;
                        finish(block.getAttribute('data-done'));
                    } else if (name === 'error') {
                        finish(data.detail || block.getAttribute('data-failed'));
                    }
                });
            }).then(function () {
                if (start.disabled) {
                    finish(block.getAttribute('data-failed'));
                }
            }).catch(function () {
                finish(block.getAttribute('data-failed'));
            });
        });

        block.querySelector('.ai-generate__accept').addEventListener('click', function () {
            if (target && result !== null) {
                target.value = result;
                target.dispatchEvent(new Event('input', {bubbles: true}));
                target.focus();
            }
            preview.hidden = true;
        });
        block.querySelector('.ai-generate__discard').addEventListener('click', function () {
            result = null;
            preview.hidden = true;
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-ai-generate]').forEach(setUp);
    });
})();
