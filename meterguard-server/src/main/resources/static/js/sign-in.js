// Customer sign-in: the password step, then a TOTP code when the account has one enrolled.
(function () {
  'use strict';
  var status = document.getElementById('sign-in-status');
  var passwordStep = document.getElementById('password-step');
  var totpStep = document.getElementById('totp-step');

  function show(message) {
    status.textContent = message;
    status.hidden = false;
  }

  function submit(form, onAnswer) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      status.hidden = true;
      fetch(form.getAttribute('action'), {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { 'Accept': 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) {
            show(body.detail || 'Sign-in failed. Check your user name and password.');
            return;
          }
          onAnswer(body);
        });
      }).catch(function () {
        show('The server could not be reached. Try again.');
      });
    });
  }

  function signedIn(body) {
    if (body.signedIn) {
      window.location.assign('/portal');
    } else if (body.next === 'totp') {
      passwordStep.hidden = true;
      totpStep.hidden = false;
      document.getElementById('code').focus();
    } else {
      show('Your account needs a second factor set up first; please contact customer service.');
    }
  }

  submit(passwordStep, signedIn);
  submit(totpStep, signedIn);
})();
