"""Screenshots of English, Arabic and Spanish articles at three widths, for a person to
look at (artifacts/preview-*.png), plus the exports: HTML reopened, PDF rasterised."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PIL import Image, ImageStat
from preview_helpers import run_js, wait_loaded
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from newsdesk.gui.preview.pane import WIDTHS

MAX_HEIGHT = 6000


def settle(qtbot, pane) -> None:  # type: ignore[no-untyped-def]
    """Wait until fonts and every image in the page have arrived."""
    qtbot.waitUntil(
        lambda: run_js(
            qtbot,
            pane,
            "document.readyState === 'complete' && document.fonts.status === 'loaded' && "
            "[...document.images].every(i => i.complete)",
        ),
        timeout=10000,
    )


def looks_like_a_page(path) -> None:  # type: ignore[no-untyped-def]
    with Image.open(path) as image:
        stat = ImageStat.Stat(image.convert("L"))
        assert stat.stddev[0] > 20, f"{path} looks blank"
        assert image.width >= 380 and image.height >= 600


def full_page_grab(qtbot, pane, path) -> None:  # type: ignore[no-untyped-def]
    """Scroll through the page and stitch viewport grabs into one tall image.

    Offscreen, a view resized to the page's full height keeps painting its old
    frame; scrolling a normal-size view and grabbing each screenful is reliable.
    """
    # Scrollbars would repeat down the stitched image: hide them for the picture.
    run_js(qtbot, pane, "document.documentElement.style.scrollbarWidth = 'none'; 1")
    qtbot.wait(100)
    height = min(int(run_js(qtbot, pane, "document.documentElement.scrollHeight")), MAX_HEIGHT)
    view_h = pane.web.view.height()
    zoom = pane.web.view.zoomFactor()
    sheet = Image.new("RGB", (pane.web.view.width(), int(height * zoom)), "white")
    y = 0
    while True:
        run_js(qtbot, pane, f"window.scrollTo(0, {y}); window.scrollY")
        qtbot.wait(250)
        actual = int(pane.web.page.scrollPosition().y())
        shot = pane.web.view.grab().toImage()
        buffer = shot.constBits().tobytes()
        frame = Image.frombuffer(
            "RGBA", (shot.width(), shot.height()), buffer, "raw", "BGRA", shot.bytesPerLine(), 1
        )
        frame = frame.convert("RGB").resize((sheet.width, int(view_h)))
        sheet.paste(frame, (0, int(actual * zoom)))
        if actual + view_h / zoom >= height or actual < y:
            break
        y = actual + int(view_h / zoom) - 40
    sheet.save(path)


@pytest.mark.parametrize("edition", ["en", "ar", "es"])
@pytest.mark.parametrize("mode", list(WIDTHS))
def test_screenshot_of_article_page(qtbot, pane, newsroom, artifacts_dir, edition, mode):
    pane.resize(WIDTHS[mode], 1000)
    pane.set_width_mode(mode)
    pane.show_article(newsroom[1].articles[edition])
    wait_loaded(qtbot, pane)
    settle(qtbot, pane)
    assert run_js(qtbot, pane, "window.innerWidth") == WIDTHS[mode]
    path = artifacts_dir / f"preview-{edition}-{mode}.png"
    full_page_grab(qtbot, pane, path)
    looks_like_a_page(path)
    assert pane.web.interceptor.blocked == []


def test_breaking_item_screenshot(qtbot, pane, newsroom, artifacts_dir):
    pane.resize(1280, 700)
    pane.show_article(newsroom[1].articles["breaking"])
    wait_loaded(qtbot, pane)
    settle(qtbot, pane)
    assert (
        run_js(qtbot, pane, "document.querySelector('.ticker-line').textContent")
        .strip()
        .endswith("Crossing reopens to aid trucks after three-day closure")
    )
    path = artifacts_dir / "preview-en-breaking.png"
    full_page_grab(qtbot, pane, path)
    looks_like_a_page(path)


def test_exported_html_opens_in_a_browser_with_its_photos(
    qtbot, pane, newsroom, tmp_path, artifacts_dir
):
    pane.show_article(newsroom[1].articles["ar"])
    wait_loaded(qtbot, pane)
    written = pane.export_html(tmp_path / "export")
    view = QWebEngineView()  # a plain browser view: default profile, file:// page
    qtbot.addWidget(view)
    view.resize(1000, 1400)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=15000) as blocker:
        view.load(QUrl.fromLocalFile(str(written)))
    assert blocker.args == [True]
    assert view.title() == newsroom[1].articles["ar"].headline
    box: list[object] = []

    def ask(script: str) -> object:
        box.clear()
        view.page().runJavaScript(script, 0, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=5000)
        return box[0]

    qtbot.waitUntil(
        lambda: ask("[...document.images].every(i => i.complete && i.naturalWidth > 0)") is True,
        timeout=10000,
    )
    assert ask("document.images.length") >= 2
    assert ask("document.documentElement.dir") == "rtl"
    qtbot.wait(300)
    view.grab().save(str(artifacts_dir / "export-ar-html.png"))
    looks_like_a_page(artifacts_dir / "export-ar-html.png")
    view.close()
    view.deleteLater()


def test_pdf_export_renders_to_pages(qtbot, pane, newsroom, tmp_path, artifacts_dir):
    pane.show_article(newsroom[1].articles["en"])
    wait_loaded(qtbot, pane)
    settle(qtbot, pane)
    target = tmp_path / "story.pdf"
    with qtbot.waitSignal(pane.pdfExported, timeout=30000) as blocker:
        pane.export_pdf(target)
    assert blocker.args == [str(target), True]
    assert target.read_bytes().startswith(b"%PDF")
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils (tests/system-packages.txt) provides pdftoppm"
    subprocess.run(
        [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", str(target), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    (first,) = sorted(tmp_path.glob("page*.png"))
    shutil.copyfile(first, artifacts_dir / "export-en-pdf-page1.png")
    looks_like_a_page(first)
    text = subprocess.run(
        ["pdftotext", "-l", "1", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Port talks resume" in text and "Source: Reuters" in text
