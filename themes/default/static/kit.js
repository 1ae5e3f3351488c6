// The partner kit's copy button (templates/partials/kit.html). Without
// JavaScript the button stays hidden and the text field is there to select
// and copy by hand; with it, the button copies the field's text and the
// status region next to it says whether that worked.
(function () {
  'use strict';

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    // Plain http on a local network: the older way, on the selected text.
    field.select();
    return document.execCommand('copy') ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.querySelector('[data-copy-status="' + button.getAttribute('data-copy') + '"]');
    if (!field || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      status.textContent = '';
      copyText(field).then(
        function () {
          status.textContent = button.getAttribute('data-copied');
        },
        function () {
          field.focus();
          field.select();
          status.textContent = button.getAttribute('data-failed');
        },
      );
    });
  });
})();
