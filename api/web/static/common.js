// Shared by the staff and advisor pages: login (OAuth2 password flow) with a short-lived token in
// sessionStorage, authorised fetch, and element building. Server text only ever goes in as
// textContent, never as HTML, so every personal field is escaped by construction.
window.VV = (function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };

  function setup(role, roleName, onLogin) {
    const key = "vv_token_" + role;
    const token = () => sessionStorage.getItem(key);

    function logout(message) {
      sessionStorage.removeItem(key);
      $("work").hidden = true;
      $("login-section").hidden = false;
      $("login-error").textContent = message || "";
    }

    async function api(path, options) {
      options = options || {};
      const headers = Object.assign({ Authorization: "Bearer " + token() }, options.headers || {});
      const reply = await fetch(path, Object.assign({}, options, { headers: headers }));
      if (reply.status === 401) { logout("Inloggningen har gått ut. Logga in igen."); throw new Error("401"); }
      return reply;
    }

    function failed(error) {
      if (error && error.message === "401") return;  // already back at the login form
      console.error(error);
      $("status").textContent = "Sidan kunde inte visas. Ladda om sidan och försök igen.";
    }

    async function show() {
      $("login-section").hidden = true;
      $("work").hidden = false;
      await onLogin();
    }

    $("login-form").addEventListener("submit", async function (event) {
      event.preventDefault();
      $("login-error").textContent = "";
      const reply = await fetch("/api/auth/token", { method: "POST", body: new URLSearchParams(new FormData(event.target)) });
      const body = await reply.json();
      if (!reply.ok) { $("login-error").textContent = body.detail || "Inloggningen misslyckades."; return; }
      if (body.role !== role) { $("login-error").textContent = "Sidan är till för " + roleName + "."; return; }
      sessionStorage.setItem(key, body.access_token);
      show().catch(failed);
    });
    $("logout").addEventListener("click", function () { logout(""); });
    // After setup() has returned, so the page already holds `api` (a reload with a live token).
    if (token()) Promise.resolve().then(show).catch(failed);
    return { api: api };
  }

  return { $: $, el: el, setup: setup };
})();
