"""End to end in headless Chromium: reading, the chart, accounts, comments, moderation, corrections."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from detente.store.models import Event
from detente.web.comments.models import DetenteComment

from .seed import seed_site

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "Browser-Phrase-2024"

pytestmark = [
    pytest.mark.browser, pytest.mark.slow, pytest.mark.db, pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.console_errors = []  # a CSP violation or a script error shows here
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.set_default_timeout(10000)
    yield page
    context.close()


@pytest.fixture
def data(transactional_db):
    return seed_site()


def log_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.account-form button[type=submit]")
    page.wait_for_selector(f"header .who:text('{username}')")


def post_comment(page, text: str) -> None:
    page.fill("section#comments > form.comment-form textarea", text)
    page.click("section#comments > form.comment-form button[type=submit]")
    page.wait_for_load_state()


def chart_titles(page, dyad: str = "RUS-TUR") -> list[str]:
    page.goto(f"/relations/{dyad}/?by=year")
    page.wait_for_selector("#timeline-chart[data-loaded=true] svg rect")
    return page.locator("#timeline-chart svg rect title").all_text_contents()


def test_visitor_reads_an_article_and_sees_the_coded_event(page, data):
    page.goto(f"/articles/{data['rivalry'].pk}/")
    page.locator(".text mark.ev").first.click()
    popup = page.locator("#event-popup")
    popup.wait_for(state="visible")
    assert "quad class" in popup.inner_text() and page.locator("span.actor").count() >= 6


def test_relationship_chart_renders_bars_and_reacts_to_a_click(page, data):
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "/api/timeline" in request.url else None)
    titles = chart_titles(page)
    assert asked == []  # the page's own timeline came with the page
    page.locator("#timeline-chart svg rect.bar-conf").last.click()
    detail = page.locator("#timeline-detail")
    detail.wait_for(state="visible")
    # the quad classes apart: 2019 has verbal and material cooperation, 2020 verbal and material conflict
    assert len(titles) == 4 and detail.inner_text().startswith("Russia – Turkey, 2020: 3 events")
    assert "Russia – Turkey, 2020: 1 material conflict (0 cooperative, 3 conflictual events)" in titles


def test_member_registers_comments_replies_edits_and_deletes(page, data):
    page.goto("/accounts/register/")
    page.fill("input[name=username]", "newreader")
    page.fill("input[name=email]", "newreader@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form.account-form button[type=submit]")
    page.wait_for_selector("header .who:text('newreader')")
    page.goto(f"/articles/{data['rivalry'].pk}/")
    post_comment(page, "The **Idlib** crisis was the turning point.")
    page.locator("details.reply summary").first.click()
    page.fill("details.reply textarea", "A reply about Libya.")
    page.click("details.reply button[type=submit]")
    page.wait_for_selector(".replies .comment")
    page.click(".replies .comment a:text('Edit')")
    page.fill("textarea[name=comment]", "A reply about Libya, corrected.")
    page.click("form.comment-form button[type=submit]")
    page.wait_for_selector("text=A reply about Libya, corrected.")
    edited = page.locator(".replies .comment .edited").count()
    page.locator(".replies .comment button:text('Delete')").click()
    page.wait_for_load_state()
    assert edited == 1 and page.locator("strong:text('Idlib')").count() == 1 \
        and page.locator("text=A reply about Libya").count() == 0


def test_anonymous_post_is_refused(page, data):
    from detente.web.comments.forms import DetenteCommentForm

    article = data["rivalry"]
    page.goto(f"/articles/{article.pk}/")
    invitation = page.locator(".login-to-comment").inner_text()
    page.goto("/accounts/login/")  # a page with a form, for a CSRF cookie: only the login check may refuse
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    form = DetenteCommentForm(article).initial
    response = page.request.post("/comments/post/", headers={"X-CSRFToken": token, "Referer": page.url},
                                 form={**{k: str(form[k]) for k in ("content_type", "object_pk", "timestamp",
                                                                    "security_hash")}, "comment": "anonymous"})
    assert "Log in or register to comment" in invitation and response.status == 403 \
        and not DetenteComment.objects.exists()


def test_script_in_a_comment_is_shown_as_text_and_never_runs(page, data, django_user_model):
    django_user_model.objects.create_user("mallory", "m@example.org", PASSWORD)
    log_in(page, "mallory")
    page.goto(f"/articles/{data['rivalry'].pk}/")
    post_comment(page, '<script>window.pwned = 1; alert("x")</script> <img src=x onerror="window.pwned=2">')
    page.reload()
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned === undefined") and page.dialogs == [] \
        and page.locator(".comment .body:has-text('<script>')").count() == 1


def test_staff_hide_a_comment_and_correct_an_event_and_the_chart_changes(page, data, django_user_model):
    django_user_model.objects.create_user("analyst", "a@example.org", PASSWORD, is_staff=True)
    author = django_user_model.objects.create_user("writer", "w@example.org", PASSWORD)
    article = data["rivalry"]
    DetenteComment.objects.create(content_object=article, site_id=1, user=author, comment="Spam, spam, spam.")
    before = chart_titles(page)
    log_in(page, "analyst")
    page.goto(f"/articles/{article.pk}/")
    page.click(".comment button:text('Hide')")
    page.wait_for_load_state()
    strike = Event.objects.get(cameo="190")
    page.fill(f"#event-{strike.pk} form.correct input[name=cameo]", "036")
    page.click(f"#event-{strike.pk} form.correct button")
    page.wait_for_load_state()
    after = chart_titles(page)
    page.context.clear_cookies()
    page.goto(f"/articles/{article.pk}/")
    assert page.locator("text=Spam, spam, spam.").count() == 0 and before != after \
        and "Russia – Turkey, 2020: 1 verbal cooperation (1 cooperative, 2 conflictual events)" in after


def test_names_not_codes_with_codes_on_hover(page, data):
    page.goto("/")
    relation = page.locator("ol.dyads a").first
    assert relation.inner_text() == "Russia – Turkey" and relation.get_attribute("title") == "RUS-TUR"
    relation.click()
    page.wait_for_selector("h1:text('Russia – Turkey')")
    assert "Russia and Turkey" in page.locator("p.summary").inner_text()
    page.goto("/events/")
    source = page.locator("table.events tbody tr").first.locator("td.actor").first
    assert source.inner_text() in ("Russia (government)", "Turkey (government)")
    assert source.get_attribute("title") in ("RUSGOV", "TURGOV")
    assert page.locator("td:text('5 June 2020')").count() == 1


def explorer_dates(page) -> list[str]:
    return page.locator("table.events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.date)")


def test_explorer_sorts_filters_and_downloads_the_view(page, data):
    page.goto("/events/")
    newest_first = explorer_dates(page)
    page.click("th a[data-sort=date]")
    page.wait_for_selector("th.sorted.asc a[data-sort=date]")
    oldest_first = explorer_dates(page)
    page.select_option("select[name=theatre]", "Syria")
    page.click("#explorer-filters button[type=submit]")
    page.wait_for_selector("p.meta .count:text('2 events')")
    syria = explorer_dates(page)
    evidence = page.locator("td.evidence").first.inner_text()
    with page.expect_download() as download:
        page.click("a.download:text('CSV')")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert newest_first == sorted(newest_first, reverse=True) and oldest_first == sorted(newest_first)
    assert syria == ["2020-02-27", "2020-03-02"] and "Ankara accused Moscow" in evidence
    lines = text.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("id,") and all("Syria" in line for line in lines[1:])
    assert page.console_errors == []


def test_a_member_disputes_an_event_and_an_anonymous_visitor_cannot(page, data, django_user_model):
    from detente.web.comments.forms import DetenteCommentForm

    event = Event.objects.get(cameo="112")
    page.goto(f"/events/{event.pk}/")
    invitation = page.locator(".login-to-comment").inner_text()
    page.goto("/accounts/login/")  # a page with a form, for a CSRF cookie: only the login check may refuse
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    form = DetenteCommentForm(event).initial
    refused = page.request.post("/comments/post/", headers={"X-CSRFToken": token, "Referer": page.url},
                                form={**{k: str(form[k]) for k in ("content_type", "object_pk", "timestamp",
                                                                   "security_hash")}, "comment": "anonymous"})
    django_user_model.objects.create_user("coder", "c@example.org", PASSWORD)
    log_in(page, "coder")
    page.goto(f"/events/{event.pk}/")
    post_comment(page, "This reads as a threat (138), not an accusation (112).")
    page.wait_for_selector("section#comments .comment:has-text('a threat (138)')")
    stamp = page.locator("section#comments .comment time").inner_text()
    assert "Log in or register to comment" in invitation and refused.status == 403
    assert stamp.endswith("UTC") and urlsplit(page.url).path == f"/events/{event.pk}/"
    assert DetenteComment.objects.get().content_object == event


def test_chart_compares_two_relationships_with_labelled_axes(page, data):
    from .seed import store_article

    store_article("Kyiv and Moscow", "2020-05-01", [
        ("Moscow threatened Kyiv over the border in April.", "RUS", "UKR", "138", 3, -7.0, "2020-04-02", "Donbas")])
    page.goto("/relations/RUS-TUR/?by=year")
    page.fill("input[name=compare]", "ukr-rus")
    page.click("#timeline-filters button[type=submit]")
    page.wait_for_selector("#timeline-chart[data-series='2'] svg rect.series-1")
    compared = page.locator("rect[data-dyad='RUS-UKR'] title").all_text_contents()
    legend = page.locator("svg .legend .series-name").all_text_contents()
    axes = page.locator("svg .axis-label").all_text_contents()
    labels = page.locator("svg text.period-label").all_text_contents()
    assert compared == ["Russia – Ukraine, 2020: 1 verbal conflict (0 cooperative, 1 conflictual events)"]
    assert legend == ["Russia – Turkey", "▨ Russia – Ukraine"] and page.locator("p.compared").count() == 1
    assert any("Goldstein" in a for a in axes) and any("events" in a for a in axes) and labels == ["2019", "2020"]
    # Russia – Ukraine has no 2019 events: its Goldstein line is a single point, not a line through zero
    assert page.locator("svg polyline.goldstein.series-1").count() == 0 \
        and page.locator("svg circle.goldstein-dot.series-1").count() == 1
    assert page.console_errors == []


def test_map_cluster_click_leads_to_its_events(page, data):
    from .test_explorer import locate_syria

    locate_syria()
    page.goto("/map/")
    cluster = page.locator("#event-map a.cluster[data-events='2']")
    title = cluster.locator("title").text_content()
    cluster.locator("circle").click()
    page.wait_for_selector("p.meta .count:text('2 events')")
    dates = explorer_dates(page)
    assert title == "Idlib: 2 events" and "bbox=33" in page.url and dates == ["2020-03-02", "2020-02-27"]
    assert page.console_errors == []


def test_map_draws_country_outlines_beneath_the_clusters(page, data):
    from .test_explorer import locate_syria

    locate_syria()
    page.goto("/map/")
    turkey = page.locator("#event-map g.land path[data-code='TUR']").bounding_box()
    china = page.locator("#event-map g.land path[data-code='CHN']").bounding_box()
    circle = page.locator("#event-map a.cluster[data-events='2'] circle").bounding_box()
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a.cluster') !== null",
                           [circle["x"] + circle["width"] / 2, circle["y"] + circle["height"] / 2])
    fill = page.locator("#event-map g.land path[data-code='TUR']").evaluate("p => getComputedStyle(p).fill")
    assert turkey["width"] > 10 and china["width"] > 3 * turkey["width"] and turkey["x"] + turkey["width"] < china["x"]
    assert on_top and fill not in ("none", "rgb(0, 0, 0)")  # drawn in the land colour, clusters above it
    assert page.console_errors == []


def test_dragging_across_the_chart_zooms_to_those_periods(page, data):
    page.goto("/relations/RUS-TUR/?by=quarter")
    page.wait_for_selector("#timeline-chart[data-loaded=true] svg rect")
    before = page.locator("svg text.period-label").all_text_contents()
    box = page.locator("#timeline-chart svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.08, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("#timeline-chart[data-zoomed=true]")
    zoomed = page.locator("svg text.period-label").all_text_contents()
    page.click("button.zoom-reset")
    page.wait_for_selector("#timeline-chart[data-zoomed=false]")
    assert before[0] == "2019 Q1" and zoomed[0] == "2019 Q1" and 1 < len(zoomed) < len(before)
    assert page.locator("svg text.period-label").all_text_contents() == before and page.console_errors == []
