/*
 * Drover: the confirmation step of action forms (drover/fragments/actions.html). A form with
 * data-confirm asks first; when the reader agrees it marks itself confirmed=true so the server acts at
 * once. Without JavaScript the form posts unconfirmed and the server answers with a confirmation page
 * instead, so nothing is ever killed by a single stray click.
 */
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) {
      return;
    }
    // window.confirm is modal: live.js cannot swap the form away while the question is open.
    if (!window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
      return;
    }
    var confirmed = form.querySelector('input[name="confirmed"]');
    if (!confirmed) {
      confirmed = form.appendChild(document.createElement('input'));
      confirmed.type = 'hidden';
      confirmed.name = 'confirmed';
    }
    confirmed.value = 'true';
  });
}());
