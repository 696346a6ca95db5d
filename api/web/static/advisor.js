// /advisor (the case list) and /advisor/cases/{id} (one case). Login etc. in common.js.
(function () {
  "use strict";
  const $ = VV.$, el = VV.el;
  const caseId = document.body.dataset.caseId;
  const STATUS = { new: "Ny", assigned: "Tilldelad", contacted: "Kontaktad", closed: "Avslutad", withdrawn: "Återkallad" };
  const MOVE = { assigned: "Ta ärendet", new: "Lämna tillbaka", contacted: "Markera som kontaktad", closed: "Avsluta" };
  // Kinds of time that count away (eligibility.md 2.5), as the advisor reads them.
  const LEAVE = { parental_benefit: "Föräldraledighet", sickness_benefit: "Sjukskrivning", military_service: "Militärtjänst",
    transition_study_support: "Omställningsstudiestöd" };
  const SERVICE = { radgivning: "Rådgivning", forstarkt_stod: "Förstärkt stöd", vagledning: "Vägledning",
    yttrande_csn: "Yttrande till CSN", other_organisation: "Annan organisation", unclear: "Oklart" };
  const RESULT = { eligible: "Uppfyller villkoren", not_eligible: "Uppfyller inte villkoren",
    needs_more_information: "Uppgifter saknas" };
  const CAREER = { inward_who: "Vem är jag", inward_skills: "Vad kan jag", inward_wants: "Vad vill jag",
    outward_options: "Möjligheter", forward_goal: "Mål", forward_next_step: "Första steget" };
  const day = (iso) => iso ? new Date(iso).toLocaleDateString("sv-SE") : "–";
  let api, page = 1;

  // --- the list ----------------------------------------------------------------------------
  async function loadList() {
    const params = new URLSearchParams({ page: page, page_size: 50 });
    new FormData($("filters")).forEach(function (value, key) { if (value) params.set(key, value); });
    const reply = await api("/api/cases?" + params);
    const body = await reply.json();
    if (!reply.ok) { $("status").textContent = body.detail || "Ärendena kunde inte hämtas."; return; }
    const rows = $("cases").querySelector("tbody");
    rows.replaceChildren();
    body.items.forEach(function (c) {
      const tr = el("tr");
      const ref = el("td"); const link = el("a", c.reference); link.href = "/advisor/cases/" + c.id; ref.append(link);
      const deadline = el("td", day(c.contact_deadline));
      if (c.overdue) deadline.append(el("span", " Försenad", "overdue"));
      tr.append(ref, el("td", c.name || "–"), el("td", STATUS[c.status] || c.status),
        el("td", SERVICE[c.recommended_service] + (c.complete ? "" : " (avbrutet samtal)")), deadline,
        el("td", c.assigned_to ? c.assigned_to.email : "–"));
      rows.append(tr);
    });
    const pages = Math.max(1, Math.ceil(body.total / body.page_size));
    $("page-info").textContent = "Sida " + body.page + " av " + pages + " (" + body.total + " ärenden)";
    $("prev").disabled = body.page <= 1;
    $("next").disabled = body.page >= pages;
    $("status").textContent = body.total ? "" : "Inga ärenden med de här filtren.";
  }

  // --- one case ----------------------------------------------------------------------------
  function section(title) { const s = el("section", undefined, "part"); s.append(el("h2", title)); return s; }

  function facts(pairs) {
    const dl = el("dl", undefined, "facts");
    pairs.forEach(function (p) { if (p[1] !== null && p[1] !== undefined && p[1] !== "") dl.append(el("dt", p[0]), el("dd", p[1])); });
    return dl;
  }

  function table(caption, head, rows) {
    const t = el("table");
    t.append(el("caption", caption));
    const tr = el("tr"); head.forEach(function (h) { const th = el("th", h); th.scope = "col"; tr.append(th); });
    t.append(tr);
    rows.forEach(function (r) { const row = el("tr"); r.forEach(function (c) { row.append(el("td", c)); }); t.append(row); });
    return t;
  }

  function months(work) {
    const box = el("div");
    box.append(el("p", "Arbetsvillkoret: " + work.qualifying_months + " av " + work.required_months +
      " månader uppfyllda, ramtid " + work.frame_start + " – " + work.frame_end + "."));
    const list = el("ul", undefined, "months");
    list.setAttribute("aria-label", "Månad för månad");
    work.months.slice().reverse().forEach(function (m) {
      let cls = "no", label = "✗ räknas inte";
      if (m.skipped) { cls = "skip"; label = "↷ överhoppad"; }
      else if (m.qualifies === true) { cls = "yes"; label = "✓ " + (m.via === "income" ? "inkomst" : "timmar"); }
      else if (m.qualifies === null) { cls = "unknown"; label = "? okänd"; }
      const li = el("li", undefined, cls);
      li.append(el("strong", m.month), el("br"), document.createTextNode(label));
      list.append(li);
    });
    box.append(list, el("p", "✓ kvalificerande månad, ↷ överhoppningsbar tid (ramen förlängs), ? arbetstid okänd, ✗ räknas inte."));
    return box;
  }

  async function changeStatus(wanted) {
    const reply = await api("/api/cases/" + caseId, {
      method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ status: wanted }) });
    const body = await reply.json();
    if (!reply.ok) { $("status").textContent = body.detail || "Ändringen gick inte att göra."; return; }
    $("status").textContent = "Status ändrad till " + STATUS[body.status].toLowerCase() + ".";
    renderCase(body);
  }

  function renderCase(c) {
    const box = $("case");
    box.replaceChildren();
    document.title = c.reference + " – Vägvisaren för rådgivare";
    const head = section(c.reference);
    head.append(facts([["Status", STATUS[c.status] + (c.overdue ? " – försenad" : "")],
      ["Kontakt senast", day(c.contact_deadline)], ["Rådgivare", c.assigned_to ? c.assigned_to.email : "ingen"],
      ["Rekommenderat stöd", SERVICE[c.recommended_service]],
      ["Samtalet", c.complete ? "fullföljt" : "avbrutet – personen bad om en rådgivare"]]));
    const buttons = el("div", undefined, "status-buttons no-print");
    c.allowed_statuses.forEach(function (s) {
      const b = el("button", MOVE[s] || STATUS[s]); b.type = "button";
      b.addEventListener("click", function () { changeStatus(s); });
      buttons.append(b);
    });
    head.append(buttons);
    box.append(head);
    if (c.status === "withdrawn") { box.append(el("p", "Personen har bett om att få sina uppgifter raderade. De är borttagna.")); }

    const p = c.person || {};
    const person = section("Personen");
    person.append(facts([["Namn", p.name], ["E-post", p.email], ["Telefon", p.phone], ["Ålder", p.age],
      ["Kommun", p.municipality], ["Möte", { digital: "digitalt", physical: "på plats", no_preference: "spelar ingen roll" }[p.meeting_preference] || p.meeting_preference]]));
    if (c.summary_sv) person.append(el("h3", "Sammanfattning"), el("p", c.summary_sv));
    box.append(person);

    const work = section("Arbete");
    if (c.employments.length) {
      work.append(table("Anställningar", ["Arbetsgivare", "Land", "Från", "Till", "Timmar/vecka", "Inkomst/månad"],
        c.employments.map(function (e) { return [e.employer || "–", e.country || "SE", e.start || "–",
          (e.end === null || e.end === "ongoing") ? "pågår" : e.end, e.hours_per_week ?? "–", e.monthly_income_sek ?? "–"]; })));
    }
    if (c.skippable_periods.length) {
      work.append(table("Överhoppningsbar tid", ["Typ", "Från", "Till"],
        c.skippable_periods.map(function (s) {
          return [LEAVE[s.type] || s.type, s.start, (!s.end || s.end === "ongoing") ? "pågår" : s.end];
        })));
    }
    const org = c.eligibility ? c.eligibility.organisation.code : null;
    if (!c.employments.length && org && org !== "ooo" && org !== "unknown") {
      // Sent elsewhere before the work questions: a row of ✗ months would read as a finding.
      work.append(el("p", "Arbetsvillkoret: inte utrett, eftersom personen hör till en annan organisation."));
    } else if (c.eligibility && c.eligibility.work_requirement && c.eligibility.work_requirement.months) {
      work.append(months(c.eligibility.work_requirement));
    }
    box.append(work);

    if (c.eligibility) {
      const el_ = section("Preliminär bedömning (" + c.eligibility.rules_version + ")");
      el_.append(el("p", "Organisation: " + c.eligibility.organisation.name_sv));
      Object.keys(c.eligibility.services).forEach(function (key) {
        const s = c.eligibility.services[key];
        el_.append(el("h3", SERVICE[key] + ": " + (RESULT[s.status] || s.status)));
        const list = el("ul");
        s.reasons.forEach(function (r) { list.append(el("li", r.text_sv + " (" + r.legal_reference + ")")); });
        el_.append(list);
      });
      if (c.eligibility.missing_information.length) el_.append(el("p", "Saknas: " + c.eligibility.missing_information.join(", ")));
      box.append(el_);
    }

    if (c.career && Object.keys(CAREER).some(function (k) { return c.career[k]; })) {
      const career = section("Karriärfunderingar");
      career.append(facts(Object.keys(CAREER).map(function (k) { return [CAREER[k], c.career[k]]; })));
      box.append(career);
    }
    if (c.action_plan_draft) {
      const plan = section("Utkast till handlings- och tidsplan");
      plan.append(facts([["Mål", c.action_plan_draft.goal], ["Tid", c.action_plan_draft.time_frame]]));
      const list = el("ol"); c.action_plan_draft.activities.forEach(function (a) { list.append(el("li", a)); });
      plan.append(list);
      box.append(plan);
    }

    const notes = section("Anteckningar");
    const list = el("ul");
    c.notes.forEach(function (n) { list.append(el("li", day(n.created_at) + " " + n.author + ": " + n.text)); });
    notes.append(list);
    if (c.status !== "withdrawn") {
      const form = el("form", undefined, "no-print");
      const label = el("label", "Ny anteckning"); label.htmlFor = "note";
      const area = el("textarea"); area.id = "note"; area.maxLength = 5000; area.required = true;
      const send = el("button", "Spara anteckning"); send.type = "submit";
      form.append(label, area, send);
      form.addEventListener("submit", async function (event) {
        event.preventDefault();
        const reply = await api("/api/cases/" + caseId + "/notes", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: area.value }) });
        const body = await reply.json();
        if (!reply.ok) { $("status").textContent = body.detail || "Anteckningen kunde inte sparas."; return; }
        $("status").textContent = "Anteckningen är sparad.";
        loadCase();
      });
      notes.append(form);
    }
    box.append(notes);

    if (c.transcript.length) {
      const talk = section("Samtalet");
      const list2 = el("ol");
      c.transcript.forEach(function (t) { list2.append(el("li", (t.from === "bot" ? "Vägvisaren: " : "Personen: ") + t.text)); });
      talk.append(list2);
      box.append(talk);
    }
    const audit = section("Logg");
    audit.append(table("Vem har sett och ändrat ärendet", ["När", "Vem", "Vad"], c.audit.map(function (a) {
      return [new Date(a.at).toLocaleString("sv-SE"), a.user || a.actor, a.action]; })));
    box.append(audit);
  }

  async function loadCase() {
    const reply = await api("/api/cases/" + caseId);
    const body = await reply.json();
    if (!reply.ok) { $("status").textContent = body.detail || "Ärendet kunde inte hämtas."; return; }
    renderCase(body);
  }

  if (caseId) {
    $("print").addEventListener("click", function () { window.print(); });
  } else {
    $("filters").addEventListener("submit", function (event) { event.preventDefault(); page = 1; loadList(); });
    $("prev").addEventListener("click", function () { page -= 1; loadList(); });
    $("next").addEventListener("click", function () { page += 1; loadList(); });
  }
  api = VV.setup("advisor", "rådgivare", caseId ? loadCase : loadList).api;
})();
