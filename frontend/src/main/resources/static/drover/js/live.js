/*
 * Drover: live pages without reloads. A page marks the parts that change with data-live and an id;
 * every couple of seconds this asks the server for the same URL with the header X-Drover-Fragment: 1,
 * which answers only those regions, and swaps each one in by id. Nothing else on the page is touched:
 * scroll position, the reader's sort (re-applied by tables.js) and anything outside the regions stay.
 *
 * When a fetch fails a banner says so and the polling goes on; the banner goes once an answer comes
 * back. A region where the reader is typing (focus in a field) or holding an element marked
 * data-live-hold or an open <dialog> is left alone for that round. <body data-live-interval="ms"> sets the period.
 */
(function () {
  'use strict';

  var DEFAULT_INTERVAL = 2000;
  var TIMEOUT = 10000;
  var banner = null;
  var stopped = false;

  function interval() {
    var value = Number(document.body.getAttribute('data-live-interval'));
    return value > 0 ? value : DEFAULT_INTERVAL;
  }

  function showBanner(text) {
    if (!banner) {
      banner = document.createElement('p');
      banner.id = 'drover-connection';
      banner.className = 'banner banner-error banner-connection';
      banner.setAttribute('role', 'alert');
      document.body.appendChild(banner);
    }
    banner.textContent = text;
  }

  function hideBanner() {
    if (banner) {
      banner.remove();
      banner = null;
    }
  }

  function busy(region) {
    if (region.querySelector('[data-live-hold], dialog[open]')) {
      return true;
    }
    var active = document.activeElement;
    return active !== null && region.contains(active) && active.matches('input, select, textarea');
  }

  /** Keyboard users keep their place: a focused action button is focused again in the fresh region. */
  function refocus(current, adopted) {
    var active = document.activeElement;
    var form = active && current.contains(active) ? active.form : null;
    var action = form ? form.getAttribute('action') : null;
    return function () {
      if (action === null) {
        return;
      }
      var forms = adopted.querySelectorAll('form[action]');
      for (var i = 0; i < forms.length; i++) {
        if (forms[i].getAttribute('action') === action && forms[i].querySelector('button')) {
          forms[i].querySelector('button').focus();
          return;
        }
      }
    };
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    Array.prototype.forEach.call(fresh.querySelectorAll('[data-live][id]'), function (next) {
      var current = document.getElementById(next.id);
      if (!current || !current.hasAttribute('data-live') || busy(current)) {
        return;
      }
      var adopted = document.importNode(next, true);
      var restoreFocus = refocus(current, adopted);
      current.replaceWith(adopted);
      restoreFocus();
      adopted.dispatchEvent(new CustomEvent('drover:updated', {bubbles: true}));
    });
  }

  function poll() {
    if (stopped) {
      return;
    }
    if (document.hidden) {
      setTimeout(poll, interval()); // nobody is looking; ask again when the tab is back
      return;
    }
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT) : null;
    fetch(location.href, {
      headers: {'X-Drover-Fragment': '1', 'Accept': 'text/html'},
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (response.status >= 500) {
        throw new Error('HTTP ' + response.status);
      }
      if (!response.ok) {
        // 404 (it is gone), 401/403 (signed out): polling again will not help.
        stopped = true;
        showBanner('Live updates stopped (HTTP ' + response.status + ') — reload the page');
        return null;
      }
      if (window.Drover && window.Drover.time) {
        window.Drover.time.serverDate(response.headers.get('Date'));
      }
      return response.text();
    }).then(function (html) {
      if (html !== null) {
        hideBanner();
        swap(html);
      }
    }).catch(function () {
      showBanner('Connection to the server lost — retrying');
    }).then(function () {
      if (timeout) {
        clearTimeout(timeout);
      }
      if (!stopped) {
        setTimeout(poll, interval());
      }
    });
  }

  function start() {
    if (document.querySelector('[data-live][id]') && window.fetch && window.DOMParser) {
      setTimeout(poll, interval());
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
