// Logs in at once from a link ending in #token=...: the token travels in the URL's fragment, which the
// browser never sends to the server, and is wiped from the address bar before the form is posted.
(function () {
  var match = /^#token=(.+)$/.exec(window.location.hash);
  var form = document.getElementById('login-form');
  if (!match || !form) {
    return;
  }
  history.replaceState(null, '', window.location.pathname + window.location.search);
  form.elements.token.value = decodeURIComponent(match[1]);
  form.submit();
})();
