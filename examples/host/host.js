// The example host page's side of the explorer's postMessage API (see src/message.rs).
(function () {
  'use strict';
  var frame = document.querySelector('iframe[data-pledge-explorer]');
  var origin = new URL(frame.src, document.baseURI).origin;
  document.querySelectorAll('button[data-scenario], button[data-query]').forEach(function (button) {
    button.addEventListener('click', function () {
      var message = { type: 'pledge-explorer:set' };
      if (button.dataset.scenario) message.scenario = JSON.parse(button.dataset.scenario);
      else message.query = button.dataset.query;
      frame.contentWindow.postMessage(message, origin);
    });
  });
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    if (!event.data || event.data.type !== 'pledge-explorer:state') return;
    var s = event.data.summary;
    document.getElementById('state').textContent = '?' + event.data.query + ': peak $' +
      s.peak_usd_cash.toFixed(1) + ' bn in ' + s.peak_year + ', ' + s.breach_years + ' year(s) above the limit';
  });
})();
