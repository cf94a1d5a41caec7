// Logs in at once from a link ending in #token=...: the token travels in the URL's fragment, which the
// browser never sends to the server, and is wiped from the address bar before the form is posted. The
// link may also be opened over this very page, which changes only the fragment: hence hashchange.
(function () {
  function logInFromFragment() {
    var match = /^#token=(.+)$/.exec(window.location.hash);
    var form = document.getElementById('login-form');
    if (!match || !form) {
      return;
    }
    history.replaceState(null, '', window.location.pathname + window.location.search);
    form.elements.token.value = decodeURIComponent(match[1]);
    form.submit();
  }
  window.addEventListener('hashchange', logInFromFragment);
  logInFromFragment();
})();
