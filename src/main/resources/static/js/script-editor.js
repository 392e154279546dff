/*
 * Script tab: autosaves the Fountain text 1.5 s after the last keystroke (and on Save or Ctrl+S)
 * by posting the form with Accept: application/json. The answer carries the new version, which the
 * next save starts from. When someone else saved in between (409), the writer's text stays in the
 * editor and they choose: reload theirs, or keep mine (save again from their version; theirs stays
 * in the history). Without JavaScript the Save button posts the form and the page comes back.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    var form = document.querySelector('form.script-editor[data-autosave]');
    if (!form) {
        return;
    }
    var text = form.querySelector('textarea[name="script"]');
    var base = form.querySelector('[data-script-version]');
    var status = document.getElementById('script-status');
    var conflictActions = form.querySelector('[data-conflict-actions]');
    var keepMine = form.querySelector('[data-keep-mine]');
    var timer = null;
    var saving = false;
    var blocked = false;
    var theirs = null;
    var lastSaved = text.value;

    function say(message) {
        status.textContent = message;
    }

    function schedule(delay) {
        clearTimeout(timer);
        timer = setTimeout(save, delay);
    }

    function save() {
        if (saving || blocked || text.value === lastSaved) {
            return;
        }
        saving = true;
        var sent = text.value;
        say(form.getAttribute('data-saving'));
        fetch(form.action, {
            method: 'POST',
            headers: {'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams(new FormData(form)),
            credentials: 'same-origin'
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                return {status: response.status, body: body};
            });
        }).then(function (answer) {
            saving = false;
            if (answer.status === 200) {
                base.value = answer.body.script_version;
                lastSaved = sent;
                say(answer.body.status);
                if (text.value !== lastSaved) {
                    schedule(1500);
                }
            } else if (answer.status === 409 && answer.body.current_version !== undefined) {
                blocked = true;
                theirs = answer.body.current_version;
                var who = answer.body.saved_by && answer.body.saved_by.name ? answer.body.saved_by.name
                    : form.getAttribute('data-someone');
                say(form.getAttribute('data-conflict').replace('{0}', who).replace('{1}', theirs));
                conflictActions.hidden = false;
            } else {
                say(answer.body.detail || form.getAttribute('data-failed'));
            }
        }).catch(function () {
            saving = false;
            say(form.getAttribute('data-failed'));
        });
    }

    text.addEventListener('input', function () {
        if (!blocked) {
            say(form.getAttribute('data-unsaved'));
            schedule(1500);
        }
    });
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearTimeout(timer);
        save();
    });
    text.addEventListener('keydown', function (event) {
        if ((event.ctrlKey || event.metaKey) && event.key === 's') {
            event.preventDefault();
            clearTimeout(timer);
            save();
        }
    });
    keepMine.addEventListener('click', function () {
        base.value = theirs;
        blocked = false;
        conflictActions.hidden = true;
        lastSaved = null;
        save();
    });
    window.addEventListener('beforeunload', function (event) {
        if (text.value !== lastSaved) {
            event.preventDefault();
        }
    });
});
