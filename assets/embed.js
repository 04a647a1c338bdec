// pledge-explorer: resize script for pages that embed the explorer.
//
// Include it once, after (or before) any number of
//   <iframe src=".../?embed=1" data-pledge-explorer ...></iframe>
// Each iframe is set to the height its explorer reports with postMessage, whenever that changes;
// an explorer that reported before this script ran is asked again.
// An external file with no inline code, so it works under a strict Content-Security-Policy
// (allow this file's origin in script-src and the explorer's in frame-src). Without it the
// iframe keeps the fixed height of its height attribute.
(function () {
  'use strict';
  if (window.__pledgeExplorerResize) return;
  window.__pledgeExplorerResize = true;
  var MAX_HEIGHT = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'pledge-explorer:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height <= MAX_HEIGHT)) return;
    var frames = document.querySelectorAll('iframe[data-pledge-explorer]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try { origin = new URL(frame.src, document.baseURI).origin; } catch (e) { continue; }
      if (origin !== event.origin) continue;
      frame.style.height = Math.ceil(data.height) + 'px';
    }
  });
  // Run late (a slow or deferred script, a tag manager), this may have missed an embed's reports:
  // ask each for them again. One not loaded yet is not at the explorer's origin, and is not
  // asked; it reports when it is.
  var frames = document.querySelectorAll('iframe[data-pledge-explorer]');
  for (var i = 0; i < frames.length; i++) {
    try {
      var origin = new URL(frames[i].src, document.baseURI).origin;
      frames[i].contentWindow.postMessage({ type: 'pledge-explorer:get' }, origin);
    } catch (e) { /* an iframe without a window or a readable src */ }
  }
})();
