// What every portal page shares: sign-out through the API with the session's CSRF token.
(function () {
  'use strict';
  var form = document.getElementById('sign-out');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = document.querySelector('meta[name="csrf-token"]');
    fetch('/api/v1/sign-out', {
      method: 'POST',
      credentials: 'same-origin',
      headers: token && token.content ? { 'X-CSRF-TOKEN': token.content } : {}
    }).finally(function () {
      window.location.assign('/portal/sign-in');
    });
  });
})();
