/*
 * Characters page: reorder the cast by drag and drop, or with each card's arrow buttons (keyboard
 * and touch), then post the new order. Without JavaScript the order simply stays as it is.
 */
document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    var list = document.querySelector('.character-cards[data-order-url]');
    if (!list) {
        return;
    }
    var status = document.querySelector('[data-order-status]');
    var dragged = null;

    function save() {
        var body = new URLSearchParams();
        body.append(list.getAttribute('data-csrf-name'), list.getAttribute('data-csrf-token'));
        list.querySelectorAll('.character-card').forEach(function (card) {
            body.append('character_ids', card.getAttribute('data-id'));
        });
        fetch(list.getAttribute('data-order-url'), {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: body,
            credentials: 'same-origin'
        }).then(function (response) {
            if (status) {
                status.textContent = status.getAttribute(response.ok ? 'data-saved' : 'data-failed');
            }
        }).catch(function () {
            if (status) {
                status.textContent = status.getAttribute('data-failed');
            }
        });
    }

    list.addEventListener('dragstart', function (event) {
        dragged = event.target.closest('.character-card');
        if (dragged) {
            dragged.classList.add('is-dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', dragged.getAttribute('data-id'));
        }
    });

    list.addEventListener('dragover', function (event) {
        var over = event.target.closest('.character-card');
        if (!dragged || !over || over === dragged) {
            return;
        }
        event.preventDefault();
        var box = over.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
    });

    list.addEventListener('drop', function (event) {
        event.preventDefault();
    });

    list.addEventListener('dragend', function () {
        if (dragged) {
            dragged.classList.remove('is-dragging');
            dragged = null;
            save();
        }
    });

    list.addEventListener('click', function (event) {
        var button = event.target.closest('[data-move]');
        if (!button) {
            return;
        }
        var card = button.closest('.character-card');
        if (button.getAttribute('data-move') === 'up' && card.previousElementSibling) {
            list.insertBefore(card, card.previousElementSibling);
        } else if (button.getAttribute('data-move') === 'down' && card.nextElementSibling) {
            list.insertBefore(card.nextElementSibling, card);
        } else {
            return;
        }
        button.focus();
        save();
    });
});
