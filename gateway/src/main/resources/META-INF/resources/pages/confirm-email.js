// The confirmation link's page: /confirm-email#token=... (a URL fragment never reaches a server). The token is
// posted only when the reader presses the button, so a mail scanner that opens the link confirms nothing.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };

  function token() {
    var fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
    return fromHash || new URLSearchParams(window.location.search).get('token');
  }

  function show(id, text) {
    var node = $(id);
    if (text !== undefined) node.textContent = text;
    node.hidden = false;
  }

  function confirm(value) {
    var button = $('confirm');
    button.disabled = true;
    $('confirm-error').hidden = true;
    fetch('/api/v1/email-confirmations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: JSON.stringify({ token: value }),
      credentials: 'omit',
      cache: 'no-store'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          $('confirmed-email').textContent = body.email || '';
          show('confirm-done');
          button.hidden = true;
          // The token is spent: keep it out of the history and of a bookmark.
          window.history.replaceState(null, '', window.location.pathname);
        } else {
          show('confirm-error', body.detail || body.title || ('The confirmation failed (' + response.status + ').'));
          button.disabled = false;
        }
      });
    }).catch(function () {
      show('confirm-error', 'Nanopulse could not be reached; try again shortly.');
      button.disabled = false;
    });
  }

  var value = token();
  if (!value) {
    show('confirm-missing');
    return;
  }
  $('confirm').addEventListener('click', function () { confirm(value); });
  show('confirm');
})();
