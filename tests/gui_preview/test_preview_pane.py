"""The preview pane in a real QWebEngineView: locked down, live, at three widths."""

from __future__ import annotations

import time

from preview_helpers import delete_now, page_html, run_js, wait_loaded
from PySide6.QtCore import QUrl

from newsdesk.domain.article import Article
from newsdesk.gui.preview.pane import WIDTHS


def test_article_page_loads_through_the_app_scheme(qtbot, pane, newsroom):
    store, room = newsroom
    pane.show_article(room.articles["en"])
    wait_loaded(qtbot, pane)
    html = page_html(qtbot, pane)
    assert "Port talks resume as fuel shortages spread along the coast" in html
    assert "Related News" in html and "Read Next" in html
    served = pane.web.scheme_handler.served
    assert any(u.startswith("newsdesk://app/page/") for u in served)
    qtbot.waitUntil(lambda: any(u.startswith("newsdesk://photo/") for u in served), timeout=5000)
    assert pane.web.interceptor.blocked == []
    # the lead photo really decoded (served from the store, not a data: URL)
    width = run_js(qtbot, pane, "document.querySelector('.lead-photo img').naturalWidth")
    assert width == 1600


def test_javascript_is_off_in_the_page(qtbot, pane):
    handler = pane.web.scheme_handler
    url = handler.set_page(
        "<html><head><title>before</title></head><body>"
        "<script>document.title='ran'</script>"
        "<img src=x onerror=\"document.title='onerror ran'\"></body></html>"
    )
    with qtbot.waitSignal(pane.web.page.loadFinished, timeout=10000):
        pane.web.view.load(url)
    assert pane.web.page.title() == "before"


def test_hostile_bodies_make_no_request_leave(qtbot, pane):
    from test_render_markdown_corpus import HOSTILE_BODIES

    article = Article(headline="Hostile", body="\n\n".join(HOSTILE_BODIES))
    pane.show_article(article)
    wait_loaded(qtbot, pane)  # a full load
    article.headline = "Hostile, again"
    pane.show_article(article)
    wait_loaded(qtbot, pane)  # swapped in place
    assert pane.web.patch_count == 1
    qtbot.wait(500)  # give any stray subresource time to be asked for
    assert pane.web.interceptor.blocked == []
    assert all(u.startswith("newsdesk://") for u in pane.web.scheme_handler.served)
    assert pane.web.page.title() == "Hostile, again"


def test_interceptor_blocks_and_logs_anything_not_local(qtbot, pane):
    """Bypass the sanitiser on purpose: the second wall must still hold, and say so."""
    remote = [
        "http://192.0.2.1/pixel.gif",
        "https://example.invalid/style.css",
        "https://example.invalid/frame.html",
        "https://example.invalid/bg.png",
    ]
    url = pane.web.scheme_handler.set_page(
        "<html><head>"
        f'<link rel="stylesheet" href="{remote[1]}">'
        f"<style>body{{background:url({remote[3]})}}</style></head><body>"
        f'<img src="{remote[0]}"><iframe src="{remote[2]}"></iframe></body></html>'
    )
    # No CSP on this page, and Chromium's own "local pages stay local" rule is
    # lifted for it: only the interceptor stands between it and the network.
    from PySide6.QtWebEngineCore import QWebEngineSettings

    pane.web.page.settings().setAttribute(
        QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True
    )
    with qtbot.waitSignal(pane.web.page.loadFinished, timeout=10000):
        pane.web.view.load(url)
    qtbot.waitUntil(lambda: len(set(pane.web.interceptor.blocked_urls())) >= 3, timeout=5000)
    blocked = set(pane.web.interceptor.blocked_urls())
    assert {remote[0], remote[1]} <= blocked
    assert all(not u.startswith("newsdesk:") for u in blocked)


def test_links_in_the_page_are_reported_not_followed(qtbot, pane):
    from PySide6.QtWebEngineCore import QWebEnginePage

    with qtbot.waitSignal(pane.linkActivated, timeout=2000) as blocker:
        followed = pane.web.page.acceptNavigationRequest(
            QUrl("https://example.com/"),
            QWebEnginePage.NavigationType.NavigationTypeLinkClicked,
            True,
        )
    assert followed is False
    assert blocker.args[0].toString() == "https://example.com/"
    assert not pane.web.page.acceptNavigationRequest(
        QUrl("https://example.com/"), QWebEnginePage.NavigationType.NavigationTypeTyped, True
    )


def test_width_switcher_sets_the_css_viewport(qtbot, pane, newsroom):
    pane.show_article(newsroom[1].articles["es"])
    wait_loaded(qtbot, pane)
    for mode in ("phone", "tablet", "desktop"):
        pane.set_width_mode(mode)
        qtbot.waitUntil(
            lambda m=mode: abs(run_js(qtbot, pane, "window.innerWidth") - WIDTHS[m]) <= 2,
            timeout=5000,
        )
    columns = run_js(
        qtbot,
        pane,
        "getComputedStyle(document.querySelector('.cards')).gridTemplateColumns.split(' ').length",
    )
    assert columns == 4
    pane.set_width_mode("phone")
    qtbot.waitUntil(
        lambda: (
            run_js(
                qtbot,
                pane,
                "getComputedStyle(document.querySelector('.cards')).gridTemplateColumns.split(' ').length",
            )
            == 1
        ),
        timeout=5000,
    )


def test_arabic_page_is_rtl_and_shaped_with_the_shipped_font(qtbot, pane, newsroom):
    pane.show_article(newsroom[1].articles["ar"])
    wait_loaded(qtbot, pane)
    assert run_js(qtbot, pane, "document.documentElement.dir") == "rtl"
    assert (
        run_js(qtbot, pane, "getComputedStyle(document.querySelector('.story-body p')).direction")
        == "rtl"
    )
    qtbot.waitUntil(lambda: run_js(qtbot, pane, "document.fonts.status") == "loaded", timeout=5000)
    assert run_js(qtbot, pane, "document.fonts.check('20px \"Noto Naskh Arabic\"', 'مياه')") is True
    assert (
        "newsdesk://app/static/fonts/NotoNaskhArabic-Regular.ttf" in pane.web.scheme_handler.served
    )
    # the English sentence in the Arabic story keeps left-to-right
    english = run_js(
        qtbot,
        pane,
        "[...document.querySelectorAll('.story-body p')].find(p => p.textContent.startsWith('The delegations')).matches(':dir(ltr)')",
    )
    assert english is True


def test_first_showing_picks_the_layout_that_fits(qtbot, newsroom):
    from newsdesk.gui.preview.pane import PreviewPane

    narrow = PreviewPane(newsroom[0])  # deleted below, so not handed to qtbot
    narrow.resize(480, 800)
    narrow.show()
    qtbot.waitExposed(narrow)
    assert narrow.mode == "phone"
    narrow.set_width_mode("desktop")  # the user's choice stays
    narrow.hide()
    narrow.show()
    assert narrow.mode == "desktop"
    narrow.close()
    narrow.deleteLater()
    delete_now()


def test_width_mode_rejects_unknown_names(pane):
    import pytest

    with pytest.raises(ValueError, match="unknown preview width 'watch'"):
        pane.set_width_mode("watch")


def test_render_happens_off_the_ui_thread_and_newest_wins(qtbot, pane):
    article = Article(headline="Version 1", body="text")
    pane.show_article(article)
    started = time.perf_counter()
    for n in range(2, 30):
        article.headline = f"Version {n}"
        pane.show_article(article)
    assert time.perf_counter() - started < 0.05  # only timers restarted
    with qtbot.waitSignal(pane.pageLoaded, timeout=10000):
        pass
    qtbot.waitUntil(lambda: "Version 29" in page_html(qtbot, pane), timeout=5000)
    assert pane._generation == 1  # one render for the whole burst
