// Vägvisaren chat: talks to POST /api/chat; keeps the visible history in sessionStorage so a
// reload shows the same conversation (the conversation id lives in an HttpOnly cookie).
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("message");
  const typing = document.getElementById("typing");
  const errorBox = document.getElementById("error");
  const restart = document.getElementById("restart");
  const HISTORY_KEY = "vv-history";
  let sender = null;

  function history() {
    try { return JSON.parse(sessionStorage.getItem(HISTORY_KEY)) || []; } catch (e) { return []; }
  }
  function remember(entry) {
    const items = history(); items.push(entry);
    sessionStorage.setItem(HISTORY_KEY, JSON.stringify(items));
  }

  function render(entry) {
    const div = document.createElement("div");
    div.className = "msg " + (entry.who === "me" ? "me" : "bot");
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = entry.who === "me" ? "Du" : "Vägvisaren";
    div.appendChild(who);
    div.appendChild(document.createTextNode(entry.text || ""));  // text only: never HTML
    log.appendChild(div);
    if (entry.buttons && entry.buttons.length) {
      const group = document.createElement("div");
      group.className = "buttons";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Svarsalternativ");
      entry.buttons.forEach(function (b) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", function () { send(b.payload, b.title); });
        group.appendChild(button);
      });
      log.appendChild(group);
    }
    log.scrollTop = log.scrollHeight;
  }

  async function startSession() {
    const reply = await fetch("/api/chat/session", { method: "POST", credentials: "same-origin" });
    if (!reply.ok) throw new Error("session " + reply.status);
    sender = (await reply.json()).sender;
  }
  const UNREACHABLE = "Det gick inte att nå Vägvisaren. Kontrollera din uppkoppling och försök igen.";

  async function send(payload, shown) {
    errorBox.textContent = "";
    if (shown !== null) { const mine = { who: "me", text: shown }; render(mine); remember(mine); }
    typing.hidden = false;
    try {
      // A message typed before the session exists waits for it; a failed start is tried again.
      await ready.catch(function () { ready = startSession(); return ready; });
      const reply = await fetch("/api/chat", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: payload }),
      });
      const body = await reply.json();
      if (!reply.ok) {
        // Our own errors carry a Swedish sentence; anything else gets the general one.
        errorBox.textContent = typeof body.detail === "string" ? body.detail : "Något gick fel. Försök igen.";
        return;
      }
      if (body.conversation_reset) {
        // The person's data was deleted: forget the old conversation in this browser too.
        sender = body.sender;
        sessionStorage.removeItem(HISTORY_KEY);
        log.replaceChildren();
      }
      body.messages.forEach(function (m) {
        const entry = { who: "bot", text: m.text, buttons: m.buttons };
        render(entry); remember(entry);
      });
    } catch (e) {
      errorBox.textContent = UNREACHABLE;
    } finally {
      typing.hidden = true;
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
    input.focus();
  });

  restart.addEventListener("click", function () {
    sessionStorage.removeItem(HISTORY_KEY);
    log.replaceChildren();
    send("/restart", null).then(function () { send("/greet", null); });
  });

  // The history is shown at once; the greeting waits for the session, and is left out when
  // the person has already written (their message starts the conversation).
  const past = history();
  past.forEach(render);
  let ready = startSession();
  ready.then(function () {
    if (!past.length && !history().length) send("/greet", null);
  }, function () { errorBox.textContent = UNREACHABLE; });
})();
