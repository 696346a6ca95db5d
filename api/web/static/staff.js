// The /staff page: the flows and their results, the NLU report (login etc. in common.js).
(function () {
  "use strict";
  const $ = VV.$, el = VV.el;
  let api;

  function renderResult(item, result) {
    const old = item.querySelector(".outcome");
    if (old) old.remove();
    const box = el("div", undefined, "outcome");
    box.append(el("span", result.ok ? "Godkänt" : "Underkänt", "result " + (result.ok ? "pass" : "fail")));
    const list = el("ol", undefined, "turns");
    result.turns.forEach(function (turn) {
      const li = el("li");
      li.append(el("span", turn.said, "said"));
      const replies = el("ul");
      (turn.replies.length ? turn.replies : ["(inget svar)"]).forEach(function (r) { replies.append(el("li", r)); });
      li.append(replies);
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
    if (nlu.holdout) {
      box.append(el("p", "På de undanhållna meddelandena (tests/nlu/holdout.yml, " + nlu.holdout.examples +
        " st., aldrig tränade på): intent macro-F1 " + nlu.holdout.intent_macro_f1.toFixed(3) + "."));
    }
    const reading = nlu.form_reading;
    if (reading) {
      box.append(el("p", "Mitt i ett formulär (korsvalideringen): " + reading.answers_taken_for_digressions +
        " av " + reading.answers + " svar skulle läsas som en sidofråga, och " +
        reading.digressions_taken_for_answers + " av " + reading.digressions + " sidofrågor som ett svar."));
    }
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

  $("run-all").addEventListener("click", function () { run(null); });
  api = VV.setup("staff", "personal med rollen staff", async function () { await showFlows(); await showNlu(); }).api;
})();
