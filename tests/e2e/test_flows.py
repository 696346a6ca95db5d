"""Staff's flows (tests/flows/*.yml) against the running product, as `make flows` runs them, and
the staff and advisor pages in a real browser on the same stack."""
from __future__ import annotations

import io
from pathlib import Path

import httpx

from api.flows.__main__ import report
from api.flows.model import load_all
from api.flows.runner import Bot, run_flow

ROOT = Path(__file__).resolve().parents[2]
FULL_FLOW = "Uppsagd på grund av arbetsbrist får rådgivning och ett ärende"
ROUTED_FLOW = "Hänvisad men vill ha kontakt ändå får ett ärende, utan något arbetsvillkor att räkna"


def test_every_staff_flow_passes(stack, users) -> None:
    add_user, bearer = users
    password = add_user(stack, "flowtest-e2e@vagvisaren.se", "staff")
    token = bearer(stack, "flowtest-e2e@vagvisaren.se", password)["Authorization"].split()[1]
    bot = Bot(stack.rasa, stack.rasa_token, stack.api, token)
    results = [run_flow(flow, bot) for _, flow in load_all([ROOT / "tests" / "flows"])]
    out = io.StringIO()
    report(results, out)
    assert all(r.ok for r in results), out.getvalue()
    assert len(results) >= 20


def test_staff_run_a_flow_from_the_service(stack, users) -> None:
    """What the /staff page's "Kör" button does: the service runs the flow against the bot and
    checks the case in its own database."""
    add_user, bearer = users
    password = add_user(stack, "staff-page@vagvisaren.se", "staff")
    reply = httpx.post(f"{stack.api}/api/staff/flows/run", json={"names": [FULL_FLOW]},
                       headers=bearer(stack, "staff-page@vagvisaren.se", password), timeout=300).json()
    assert reply["passed"] == 1, reply
    [result] = reply["results"]
    assert result["ok"] and len(result["turns"]) > 20 and result["case_failures"] == []


def login(page, email: str, password: str) -> None:
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.keyboard.press("Enter")


def test_the_staff_page_in_a_browser(stack, users, page, axe) -> None:
    """Log in on /staff, run one flow with its button, read the result."""
    add_user, _ = users
    password = add_user(stack, "staff-browser@vagvisaren.se", "staff")
    page.goto(f"{stack.api}/staff")
    axe(page, "staff-login")
    login(page, "staff-browser@vagvisaren.se", "fel lösenord")
    page.get_by_text("Fel e-postadress eller lösenord.").wait_for()
    login(page, "staff-browser@vagvisaren.se", password)
    flows = page.locator("#flows > li")
    flows.first.wait_for()
    assert flows.count() >= 20
    page.get_by_role("button", name="Kör Vad kostar det?").click()
    page.get_by_text("1 godkända, 0 underkända.").wait_for(timeout=120_000)
    item = page.locator('[data-flow="Vad kostar det?"]')
    assert item.locator(".result.pass").inner_text() == "Godkänt"
    assert "kostar ingenting" in item.locator(".turns").inner_text()
    assert page.locator("#nlu").inner_text().strip()  # the report, or the note that there is none yet
    axe(page, "staff")


def test_an_advisor_works_a_case_in_a_browser(stack, users, page, axe) -> None:
    """The case from a whole conversation: list, open, take it, add a note, print view."""
    add_user, bearer = users
    staff = add_user(stack, "staff-case@vagvisaren.se", "staff")
    httpx.post(f"{stack.api}/api/staff/flows/run", json={"names": [FULL_FLOW]},
               headers=bearer(stack, "staff-case@vagvisaren.se", staff), timeout=300)
    password = add_user(stack, "radgivare-browser@vagvisaren.se", "advisor")
    page.goto(f"{stack.api}/advisor")
    login(page, "radgivare-browser@vagvisaren.se", password)
    rows = page.locator("#cases tbody tr")
    rows.first.wait_for()
    assert "Anna" in rows.first.inner_text() and "Ny" in rows.first.inner_text()
    axe(page, "advisor-list")
    page.get_by_label("Status").select_option("closed")
    page.get_by_role("button", name="Visa").click()
    page.get_by_text("Inga ärenden med de här filtren.").wait_for()
    page.get_by_label("Status").select_option("")
    page.get_by_role("button", name="Visa").click()
    rows.first.locator("a").click()
    page.get_by_role("heading", name="Personen").wait_for()
    text = page.locator("#case").inner_text()
    assert "Anna" in text and "anna@exempel.se" in text and "Bageriet AB" in text
    assert "Rådgivning: Uppfyller villkoren" in text and "✓ timmar" in text
    assert "Föräldraledighet" in text and "parental_benefit" not in text and "ongoing" not in text
    assert "Utkast till handlings- och tidsplan" in text and "Lag (2022:850)" in text
    axe(page, "advisor-case")
    page.get_by_role("button", name="Ta ärendet").click()
    page.get_by_text("Status ändrad till tilldelad.").wait_for()
    page.get_by_label("Ny anteckning").fill("Ringde <b>Anna</b>, bokade möte.")
    page.get_by_role("button", name="Spara anteckning").click()
    page.get_by_text("Ringde <b>Anna</b>, bokade möte.", exact=False).wait_for()  # shown as text, not HTML
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Markera som kontaktad").is_visible()
    page.screenshot(path=str(ROOT / "reports" / "screenshots" / "advisor-case-print.png"), full_page=True)


def test_a_case_sent_elsewhere_shows_no_work_requirement_in_a_browser(stack, users, page) -> None:
    """No work questions were asked: the advisor reads why, not a row of months that do not count."""
    add_user, bearer = users
    staff = add_user(stack, "staff-routed@vagvisaren.se", "staff")
    ran = httpx.post(f"{stack.api}/api/staff/flows/run", json={"names": [ROUTED_FLOW]},
                     headers=bearer(stack, "staff-routed@vagvisaren.se", staff), timeout=300)
    assert ran.status_code == 200, ran.text
    password = add_user(stack, "radgivare-routed@vagvisaren.se", "advisor")
    page.goto(f"{stack.api}/advisor")
    login(page, "radgivare-routed@vagvisaren.se", password)
    row = page.locator("#cases tbody tr", has_text="Lena").first
    row.wait_for()
    row.locator("a").click()
    page.get_by_role("heading", name="Personen").wait_for()
    text = page.locator("#case").inner_text()
    assert "Arbetsvillkoret: inte utrett, eftersom personen hör till en annan organisation." in text
    assert "räknas inte" not in text and "Omställningsfonden" in text


def test_a_person_chats_through_to_a_case_in_a_browser(stack, page, axe) -> None:
    """The whole conversation of the full flow, typed and clicked on the chat page; then a reload
    keeps the conversation."""
    [flow] = [f for _, f in load_all([ROOT / "tests" / "flows"]) if f.name == FULL_FLOW]
    page.goto(f"{stack.api}/")
    axe(page, "chat-start")
    bot_messages = page.locator(".msg.bot")
    for turn in flow.turns:
        before = bot_messages.count()
        if turn.button is not None:
            page.get_by_role("button", name=turn.button, exact=True).last.click()
        else:
            page.get_by_label("Skriv ditt meddelande").fill(turn.user or "")
            page.keyboard.press("Enter")
        page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=60_000)
        page.locator("#typing").wait_for(state="hidden")
    last = bot_messages.last.inner_text()
    assert "Ditt ärendenummer är OMS-" in last
    axe(page, "chat-end")
    page.reload()
    page.get_by_text("Ditt ärendenummer är OMS-").last.wait_for()
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scrolling


def test_the_chat_works_by_keyboard_alone_with_visible_focus(stack, page) -> None:
    page.goto(f"{stack.api}/")

    def tab_to(selector_js: str) -> None:
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate(selector_js):
                return
        raise AssertionError(f"Tab never reached {selector_js}")

    # The page greets by itself; typing before that answer is in would race it.
    page.get_by_role("button", name="Ja, det går bra").wait_for(timeout=60_000)
    bot_messages = page.locator(".msg.bot").count()
    tab_to("document.activeElement.id === 'message'")
    page.keyboard.type("hej")
    page.keyboard.press("Enter")
    page.locator(".msg.bot").nth(bot_messages).wait_for(timeout=60_000)  # the typed "hej" answered
    tab_to("document.activeElement.textContent === 'Ja, det går bra'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")  # the focus can be seen
    page.keyboard.press("Enter")
    page.get_by_text("Vad stämmer bäst på dig just nu?").wait_for()


def test_the_start_over_button_forgets_the_conversation_in_a_browser(stack, page) -> None:
    """The page's "Börja om": the visible history goes, the bot says it has forgotten, greets
    again and asks for consent again; a reload does not bring the old conversation back."""
    page.goto(f"{stack.api}/")
    page.get_by_role("button", name="Ja, det går bra").wait_for()
    page.get_by_role("button", name="Ja, det går bra").click()
    page.get_by_text("Vad stämmer bäst på dig just nu?").wait_for()
    page.get_by_role("button", name="Börja om", exact=True).click()
    page.get_by_text("Jag har glömt det du skrev tidigare").wait_for()
    page.get_by_role("button", name="Ja, det går bra").wait_for()  # consent asked again
    assert page.locator(".msg.me").count() == 0
    assert page.get_by_text("Vad stämmer bäst på dig just nu?").count() == 0
    page.reload()
    page.get_by_role("button", name="Ja, det går bra").wait_for()
    assert page.get_by_text("Vad stämmer bäst på dig just nu?").count() == 0
    # The conversation itself starts again: the new yes is taken as consent.
    page.get_by_role("button", name="Ja, det går bra").last.click()
    page.get_by_text("Vad stämmer bäst på dig just nu?").wait_for()


def test_a_message_typed_before_the_session_is_ready_waits_for_it(stack, page) -> None:
    """A fast typist (or a slow network): the first message is sent once the conversation exists,
    not refused, and the page shows no error."""
    held: list = []
    page.route("**/api/chat/session", lambda route: held.append(route))
    page.goto(f"{stack.api}/")
    page.locator("#message").fill("hej")
    page.locator("#message").press("Enter")
    page.wait_for_timeout(500)  # the message is sent while the session is still being made
    assert len(held) == 1
    held[0].continue_()
    page.get_by_role("button", name="Ja, det går bra").first.wait_for(timeout=60_000)
    page.wait_for_function("document.getElementById('typing').hidden", timeout=60_000)
    assert page.locator("#error").text_content() == ""
    assert page.locator(".msg.me").all_text_contents() == ["Duhej"]
