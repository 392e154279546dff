// Studio beat board: the beats of a custom structure are added, renamed and put in order by drag and drop (or the
// keyboard: Alt+ArrowUp / Alt+ArrowDown on a beat's title). The form posts the beats in the order they stand.
(function () {
    "use strict";
    function ready(fn) {
        if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
    }
    ready(function () {
        // A new structure shows its own beat cards: post the form without htmx so the page comes back with them.
        var structure = document.getElementById("story-structure");
        if (structure) {
            structure.addEventListener("change", function () { structure.form.submit(); });
        }
        var board = document.querySelector(".beat-board[data-custom='true']");
        if (!board) { return; }
        var dragged = null;
        board.addEventListener("dragstart", function (event) {
            dragged = event.target.closest(".beat-card");
            if (dragged) { dragged.classList.add("beat-card--dragging"); event.dataTransfer.effectAllowed = "move"; }
        });
        board.addEventListener("dragend", function () {
            if (dragged) { dragged.classList.remove("beat-card--dragging"); }
            dragged = null;
        });
        board.addEventListener("dragover", function (event) {
            if (!dragged) { return; }
            event.preventDefault();
            var over = event.target.closest(".beat-card");
            if (!over || over === dragged) { return; }
            var box = over.getBoundingClientRect();
            var after = event.clientY > box.top + box.height / 2;
            board.insertBefore(dragged, after ? over.nextSibling : over);
        });
        board.addEventListener("keydown", function (event) {
            if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) { return; }
            var card = event.target.closest(".beat-card");
            if (!card) { return; }
            event.preventDefault();
            if (event.key === "ArrowUp" && card.previousElementSibling) {
                board.insertBefore(card, card.previousElementSibling);
            } else if (event.key === "ArrowDown" && card.nextElementSibling) {
                board.insertBefore(card.nextElementSibling, card);
            }
            event.target.focus();
        });
        var add = document.querySelector(".beat-board__add");
        if (add) {
            add.addEventListener("click", function () {
                var key = "beat_" + Date.now().toString(36);
                var card = document.createElement("li");
                card.className = "beat-card";
                card.draggable = true;
                card.innerHTML = "<input type='hidden' name='custom_key'><label class='field__label'></label>"
                    + "<input class='field__input' name='custom_title' maxlength='120'>"
                    + "<textarea class='field__input' rows='3'></textarea>";
                card.querySelector("input[type=hidden]").value = key;
                var title = card.querySelector("input[name=custom_title]");
                title.id = "title-" + key;
                title.value = add.getAttribute("data-label");
                var label = card.querySelector("label");
                label.htmlFor = title.id;
                label.textContent = add.getAttribute("data-label");
                card.querySelector("textarea").name = "beat." + key;
                board.appendChild(card);
                title.focus();
                title.select();
            });
        }
    });
})();
