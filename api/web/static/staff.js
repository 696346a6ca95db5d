// The /staff page: login (OAuth2 password flow), the flows and their results, the NLU report.
// Every text from the server goes in with textContent, never as HTML.
(function () {
  "use strict";
  const TOKEN_KEY = "vv_staff_token";
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(path, options) {
    const reply = await fetch(path, Object.assign({ headers: {} }, options, {
      headers: Object.assign({ Authorization: "Bearer " + token() }, (options || {}).headers || {}),
    }));
    if (reply.status === 401) { logout("Inloggningen har gått ut. Logga in igen."); throw new Error("401"); }
    return reply;
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $("work").hidden = true;
    $("login-section").hidden = false;
    $("login-error").textContent = message || "";
  }

  $("login-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    $("login-error").textContent = "";
    const reply = await fetch("/api/auth/token", { method: "POST", body: new URLSearchParams(new FormData(event.target)) });
    const body = await reply.json();
    if (!reply.ok) { $("login-error").textContent = body.detail || "Inloggningen misslyckades."; return; }
    if (body.role !== "staff") { $("login-error").textContent = "Sidan är till för personal med rollen staff."; return; }
    sessionStorage.setItem(TOKEN_KEY, body.access_token);
    show();
  });
  $("logout").addEventListener("click", function () { logout(""); });

  function renderResult(item, result) {
    const old = item.querySelector(".outcome");
    if (old) old.remove();
    const box = el("div", undefined, "outcome");
    box.append(el("span", result.ok ? "Godkänt" : "Underkänt", "result " + (result.ok ? "pass" : "fail")));
    const list = el("ol", undefined, "turns");
    result.turns.forEach(function (turn) {
      const li = el("li");
      li.append(el("span", turn.said, "said"), document.createTextNode(" → " + (turn.replies.slice(-1)[0] || "(inget svar)")));
      turn.failures.forEach(function (f) { li.append(el("div", "✗ " + f, "bad")); });
      list.append(li);
    });
    box.append(list);
    result.case_failures.forEach(function (f) { box.append(el("div", "✗ ärendet: " + f, "bad")); });
    if (result.error) box.append(el("div", "✗ " + result.error, "bad"));
    item.append(box);
  }

  async function run(names) {
    $("status").textContent = "Kör " + (names ? names.length : "alla") + " flöden …";
    document.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    try {
      const reply = await api("/api/staff/flows/run", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ names: names }),
      });
      const body = await reply.json();
      if (!reply.ok) { $("status").textContent = body.detail || "Flödena kunde inte köras."; return; }
      body.results.forEach(function (result) {
        const item = document.querySelector('[data-flow="' + CSS.escape(result.name) + '"]');
        if (item) renderResult(item, result);
      });
      $("status").textContent = body.passed + " godkända, " + body.failed + " underkända.";
    } finally {
      document.querySelectorAll("button").forEach((b) => { b.disabled = false; });
    }
  }

  async function showFlows() {
    const flows = await (await api("/api/staff/flows")).json();
    const list = $("flows");
    list.replaceChildren();
    flows.forEach(function (flow) {
      const item = el("li");
      item.dataset.flow = flow.name;
      item.append(el("h3", flow.name), el("span", flow.file + ", " + flow.turns + " repliker "));
      const button = el("button", "Kör", "secondary");
      button.type = "button";
      button.setAttribute("aria-label", "Kör " + flow.name);
      button.addEventListener("click", function () { run([flow.name]); });
      item.append(button);
      list.append(item);
    });
  }

  async function showNlu() {
    const box = $("nlu");
    box.replaceChildren();
    const nlu = await (await api("/api/staff/nlu")).json();
    if (!nlu.available) { box.append(el("p", "Ingen utvärdering ännu. Kör make nlu-report.")); return; }
    box.append(el("p", "Intent macro-F1 (5-faldig korsvalidering): " + nlu.intent_macro_f1.toFixed(3) +
      " (mål ≥ 0,95). FAQ-svar macro-F1: " + (nlu.faq_macro_f1 || 0).toFixed(3) + "."));
    const table = el("table");
    const head = el("tr"); head.append(el("th", "Svagaste intent"), el("th", "F1"));
    table.append(el("caption", "De svagaste intenten"), head);
    nlu.weakest.forEach(function (w) { const r = el("tr"); r.append(el("td", w.intent), el("td", w.f1.toFixed(3))); table.append(r); });
    box.append(table);
    if (nlu.confusion_matrix) {
      const blob = await (await api("/api/staff/nlu/confusion-matrix.png")).blob();
      const img = el("img");
      img.alt = "Förväxlingsmatris för intenten: vilka intent som blandas ihop med vilka";
      img.src = URL.createObjectURL(blob);
      box.append(img);
    }
  }

  async function show() {
    $("login-section").hidden = true;
    $("work").hidden = false;
    await showFlows();
    await showNlu();
  }

  $("run-all").addEventListener("click", function () { run(null); });
  if (token()) show().catch(function () {});
})();
