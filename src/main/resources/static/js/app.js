/*
 * MODO Creator Verse — progressive enhancement only. Without this file every page works:
 * the navigation and the language switch simply wrap under the brand on small screens.
 *
 * Loaded from <head> without defer so the "js" class is set before the first paint
 * (no flash of the expanded menu); everything else waits for the DOM.
 */
document.documentElement.classList.add('js');

document.addEventListener('DOMContentLoaded', function () {
    'use strict';

    var header = document.querySelector('.site-header');
    var toggle = header && header.querySelector('.nav-toggle');
    // The folded menu holds the main navigation and the language switch.
    var menu = header && header.querySelector('.site-menu');
    if (!toggle || !menu) {
        return;
    }

    function setOpen(open) {
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        if (open) {
            header.setAttribute('data-open', '');
        } else {
            header.removeAttribute('data-open');
        }
    }

    toggle.addEventListener('click', function () {
        setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });

    // Following a link (most are anchors on the landing page) closes the menu.
    menu.addEventListener('click', function (event) {
        if (event.target.closest('a')) {
            setOpen(false);
        }
    });

    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
            setOpen(false);
            toggle.focus();
        }
    });

    document.addEventListener('click', function (event) {
        if (!header.contains(event.target)) {
            setOpen(false);
        }
    });
});
