// MLC Ledger pages: small progressive enhancements; every page works without them.
(function () {
  // A form is sent once: its buttons are disabled on submit (the idempotency key guards the server side too).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.sent) { event.preventDefault(); return; }
    form.dataset.sent = 'true';
    form.querySelectorAll('button[type=submit]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
  });
  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name=_csrf]');
    var header = document.querySelector('meta[name=_csrf_header]');
    if (token && header) { event.detail.headers[header.content] = token.content; }
  });
  // On a phone the menu folds behind its button (CSS shows the button below 640 px only).
  document.addEventListener('DOMContentLoaded', function () {
    var nav = document.querySelector('header.top nav');
    var toggle = nav && nav.querySelector('.menu-toggle');
    if (!toggle) { return; }
    nav.classList.add('collapsible');
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  });
  // Print buttons.
  document.addEventListener('click', function (event) {
    if (event.target.matches('[data-print]')) { window.print(); }
  });
})();
