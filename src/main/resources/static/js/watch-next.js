// The player's "Next episode" offer: when the video ends it is brought forward and focused, so the keyboard's Enter
// (or one tap) plays the next one; nothing starts by itself.
(function () {
  var video = document.querySelector('[data-watch-player]');
  var next = document.querySelector('[data-watch-next]');
  if (!video || !next) return;
  video.addEventListener('ended', function () {
    next.classList.add('watch-player__next--offer');
    var link = next.querySelector('a');
    if (link) link.focus();
  });
})();
