/*
 * Drover: times and durations in the reader's terms. The server renders times in UTC, which is right
 * for nobody in particular; this rewrites every <time datetime="ISO"> as the browser's local time plus
 * how long ago it was ("2026-11-22 09:10:06 · 3 min ago"; in tables the "ago" goes under it), and keeps every running duration
 * (<span class="duration" data-since="ISO">) ticking. Both refresh every second and after live.js swaps
 * fresh content in.
 *
 * Durations use the server's clock where known: live.js passes the Date header of each answer to
 * Drover.time.serverDate(), so a browser whose clock is off does not show "-3 s".
 */
(function () {
  'use strict';

  var skewMillis = 0; // server clock minus browser clock

  function now() {
    return Date.now() + skewMillis;
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function localTime(date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' +
        pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
  }

  function oneDecimal(value) {
    return (Math.floor(value * 10) / 10).toFixed(1);
  }

  /** The same wording as the server's duration fragment (drover/fragments/state.html). */
  function human(millis) {
    if (millis < 1000) {
      return Math.max(0, Math.floor(millis)) + ' ms';
    }
    if (millis < 60000) {
      return Math.floor(millis / 1000) + ' s';
    }
    if (millis < 3600000) {
      return oneDecimal(millis / 60000) + ' min';
    }
    if (millis < 86400000) {
      return oneDecimal(millis / 3600000) + ' h';
    }
    return oneDecimal(millis / 86400000) + ' d';
  }

  function ago(millis) {
    if (millis < 1000) {
      return 'just now';
    }
    if (millis < 60000) {
      return Math.floor(millis / 1000) + ' s ago';
    }
    if (millis < 3600000) {
      return Math.floor(millis / 60000) + ' min ago';
    }
    if (millis < 86400000) {
      return Math.floor(millis / 3600000) + ' h ago';
    }
    return Math.floor(millis / 86400000) + ' d ago';
  }

  function renderTime(element) {
    var at = Date.parse(element.getAttribute('datetime'));
    if (isNaN(at)) {
      return;
    }
    if (!element.hasAttribute('title')) {
      element.setAttribute('title', element.textContent.trim()); // the server's UTC text, on hover
    }
    var local = element.querySelector('.local');
    var since = element.querySelector('.ago');
    if (!local) {
      element.textContent = '';
      local = element.appendChild(document.createElement('span'));
      local.className = 'local';
      since = element.appendChild(document.createElement('span'));
      since.className = 'ago';
    }
    local.textContent = localTime(new Date(at));
    since.textContent = ago(now() - at); // drover.css puts it beside the time, or under it in tables
  }

  function renderDuration(element) {
    var since = Date.parse(element.getAttribute('data-since'));
    if (!isNaN(since)) {
      element.textContent = human(now() - since);
    }
  }

  function refresh(root) {
    var scope = root && root.querySelectorAll ? root : document;
    Array.prototype.forEach.call(scope.querySelectorAll('time[datetime]'), renderTime);
    Array.prototype.forEach.call(scope.querySelectorAll('.duration[data-since]'), renderDuration);
  }

  function serverDate(header) {
    var server = Date.parse(header || '');
    if (!isNaN(server)) {
      // The header has whole seconds only: ignore skews below that precision.
      var skew = server - Date.now();
      skewMillis = Math.abs(skew) > 1500 ? skew : 0;
    }
  }

  window.Drover = window.Drover || {};
  window.Drover.time = {refresh: refresh, human: human, ago: ago, serverDate: serverDate};

  document.addEventListener('drover:updated', function (event) { refresh(event.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { refresh(document); });
  } else {
    refresh(document);
  }
  setInterval(function () { refresh(document); }, 1000);
}());
