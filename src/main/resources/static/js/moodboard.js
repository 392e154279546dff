/*
 * Moodboard page: drag a picture to another place in its beat or onto another beat, then post the whole board's new
 * order (each item with the version the page showed, so a change someone else made meanwhile is refused, not
 * overwritten). Without JavaScript, or on a phone, each card's arrow buttons move it as plain forms.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    var board = document.querySelector('.moodboard[data-order-url]');
    if (!board) {
        return;
    }
    var status = board.querySelector('[data-order-status]');

    // While the AI makes a picture or writes a prompt, the page looks again every few seconds (the server settles
    // ended generations when the board is read), unless someone is editing an item.
    if (board.querySelector('.moodboard-status--generating')) {
        window.setTimeout(function () {
            if (!board.querySelector('details[open]')) {
                window.location.reload();
            }
        }, 5000);
    }
    var dragged = null;

    function say(key) {
        if (status) {
            status.textContent = status.getAttribute(key);
        }
    }

    function save() {
        var body = new URLSearchParams();
        body.append(board.getAttribute('data-csrf-name'), board.getAttribute('data-csrf-token'));
        // Items of beats the structure no longer has stay where they are unless dragged onto a beat.
        board.querySelectorAll('.moodboard-items--unplaced .moodboard-item').forEach(function (item) {
            body.append('item', [item.getAttribute('data-id'), item.getAttribute('data-version'), item.getAttribute('data-beat-origin'),
                item.getAttribute('data-key-action')].join(':'));
        });
        board.querySelectorAll('.moodboard-items[data-beat]').forEach(function (list) {
            list.querySelectorAll('.moodboard-item').forEach(function (item) {
                var sameBeat = item.getAttribute('data-beat-origin') === list.getAttribute('data-beat');
                var keyAction = sameBeat ? item.getAttribute('data-key-action') : '';
                body.append('item', [item.getAttribute('data-id'), item.getAttribute('data-version'), list.getAttribute('data-beat'),
                    keyAction].join(':'));
            });
        });
        fetch(board.getAttribute('data-order-url'), {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: body,
            credentials: 'same-origin'
        }).then(function (response) {
            if (response.ok) {
                say('data-saved');
                // The versions moved on: the page is read again so its forms carry the new ones.
                window.location.reload();
            } else {
                say('data-failed');
            }
        }).catch(function () {
            say('data-failed');
        });
    }

    // Text in an item's form is selected with the pointer, not dragged: the card is not draggable while it is pressed there.
    board.addEventListener('pointerdown', function (event) {
        var item = event.target.closest && event.target.closest('.moodboard-item');
        if (item && event.target.closest('details')) {
            item.setAttribute('draggable', 'false');
        }
    });
    board.addEventListener('pointerup', function (event) {
        var item = event.target.closest && event.target.closest('.moodboard-item');
        if (item) {
            item.setAttribute('draggable', 'true');
        }
    });

    board.addEventListener('dragstart', function (event) {
        var item = event.target.closest && event.target.closest('.moodboard-item[draggable="true"]');
        if (!item) {
            return;
        }
        dragged = item;
        dragged.classList.add('is-dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', dragged.getAttribute('data-id'));
    });

    board.addEventListener('dragover', function (event) {
        var list = event.target.closest && event.target.closest('.moodboard-items[data-beat]');
        if (!dragged || !list) {
            return;
        }
        event.preventDefault();
        board.querySelectorAll('.moodboard-items.is-target').forEach(function (l) { l.classList.remove('is-target'); });
        list.classList.add('is-target');
        var over = event.target.closest('.moodboard-item');
        if (!over) {
            list.appendChild(dragged);
        } else if (over !== dragged) {
            var box = over.getBoundingClientRect();
            var after = event.clientX > box.left + box.width / 2 || event.clientY > box.bottom - box.height / 4;
            list.insertBefore(dragged, after ? over.nextSibling : over);
        }
    });

    board.addEventListener('drop', function (event) {
        if (dragged) {
            event.preventDefault();
        }
    });

    board.addEventListener('dragend', function () {
        if (!dragged) {
            return;
        }
        dragged.classList.remove('is-dragging');
        board.querySelectorAll('.moodboard-items.is-target').forEach(function (l) { l.classList.remove('is-target'); });
        dragged = null;
        save();
    });
});
