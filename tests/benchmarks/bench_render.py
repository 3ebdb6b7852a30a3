"""Layout preview benchmark: render cost against raw markdown-it-py, live preview latency,
key-press handling while the preview follows the editor, pathological Markdown.

    .venv/bin/python tests/benchmarks/bench_render.py [--quick]

Targets (issue 4): final HTML <= 1.3x raw markdown-it-py on the same 5,000 words;
preview updated <= 300 ms after the last keystroke; key-press p95 <= 16 ms;
each pathological case < 1 s.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import p95, report, timings  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from newsdesk.domain.article import Article  # noqa: E402
from newsdesk.render.markdown import PhotoRef, render_body, render_body_full  # noqa: E402
from newsdesk.render.page import render_page  # noqa: E402

QUICK = "--quick" in sys.argv
VOCABULARY = [
    "the",
    "port",
    "talks",
    "resumed",
    "on",
    "monday",
    "after",
    "a",
    "week",
    "of",
    "queues",
    "for",
    "fuel",
    "in",
    "three",
    "coastal",
    "cities",
    "officials",
    "said",
    "reserves",
    "were",
    "sufficient",
    "but",
    "warned",
    "that",
    "panic",
    "buying",
    "could",
    "shorten",
    "that",
    "negotiators",
    "union",
    "operator",
    "cargo",
    "volumes",
    "tankers",
    "harbour",
    "ministry",
]


def five_thousand_words(seed: int = 4) -> str:
    """A realistic body: paragraphs with bold, italics and links, sub-heads, quotes, photos."""
    rng = random.Random(seed)
    blocks: list[str] = []
    count = 0
    n = 0
    while count < 5000:
        n += 1
        size = rng.randint(40, 90)
        words = [rng.choice(VOCABULARY) for _ in range(size)]
        words[3] = f"**{words[3]}**"
        words[7] = f"[{words[7]}](https://example.com/story/{n})"
        words[12] = f"_{words[12]}_"
        blocks.append(" ".join(words).capitalize() + ".")
        count += size
        if n % 8 == 0:
            blocks.append(f"## Sub-head number {n}")
        if n % 10 == 0:
            blocks.append(f"![Photo {n}](photo:{n:08d}-0000-4000-8000-000000000000)")
        if n % 12 == 0:
            blocks.append("> " + " ".join(rng.choice(VOCABULARY) for _ in range(30)))
    return "\n\n".join(blocks)


def resolver(uuid: str) -> PhotoRef:
    return PhotoRef(uuid, f"newsdesk://photo/{uuid}", "Caption of the photo", "AP", "", 1600, 900)


def interleaved(fns: list, repeat: int) -> list[list[float]]:  # type: ignore[type-arg]
    """Run the candidates in turn, so a busy shared machine slows them all alike.

    The garbage collector is paused while timing (as timeit does): otherwise a
    collection triggered by one candidate's garbage lands in another's time.
    """
    for fn in fns:
        fn()
    out: list[list[float]] = [[] for _ in fns]
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            for i, fn in enumerate(fns):
                started = time.perf_counter()
                fn()
                out[i].append((time.perf_counter() - started) * 1000)
            gc.collect()
    finally:
        gc.enable()
    return out


def bench_render(text: str) -> None:
    from mdit_py_plugins.footnote import footnote_plugin

    print(f"\n== Rendering a {len(text.split()):,}-word article ==")
    raw_parser = MarkdownIt("commonmark")
    same_syntax = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
    article = Article(headline="A long story", standfirst="One sentence.", body=text, byline="Desk")
    raw, same, body, page = interleaved(
        [
            lambda: raw_parser.render(text),
            lambda: same_syntax.render(text),
            lambda: render_body(text, resolver),
            lambda: render_page(article, resolver=resolver),
        ],
        repeat=15 if QUICK else 60,
    )
    report("raw markdown-it-py (commonmark)", raw)
    report("raw markdown-it-py (+tables,~~,[^n])", same, raw)
    report("render_body (parse+photos+nh3)", body, raw, "<= 1.3x")
    report("  same, vs raw with the same syntax", body, same, "<= 1.3x")
    report("render_page (full page, template)", page, raw, "<= 1.3x")
    report("  same, vs raw with the same syntax", page, same, "<= 1.3x")
    print(f"{'':38} (the page adds the read-time word count: domain.text.word_count)")
    # The fastest run of each is the least disturbed by a busy machine.
    best = {
        name: min(xs) for name, xs in (("raw", raw), ("same", same), ("body", body), ("page", page))
    }
    print(
        f"{'best runs':<38} raw {best['raw']:.2f} ms, same syntax {best['same']:.2f} ms, "
        f"body {best['body']:.2f} ms ({best['body'] / best['raw']:.2f}x raw, "
        f"{best['body'] / best['same']:.2f}x same), page {best['page']:.2f} ms "
        f"({best['page'] / best['raw']:.2f}x raw, {best['page'] / best['same']:.2f}x same)"
    )


PATHOLOGICAL = {
    '"*_" * 40000': "*_" * 40000,
    '"[" * 13000': "[" * 13000,
    '"![" * 13000': "![" * 13000,
    "10,000 nested > quotes": ">" * 10000 + " deep",
    "3,000 lines of growing quotes": "\n".join(">" * i + " x" for i in range(1, 3000)),
    "400 lists nested by indent": "\n".join("  " * i + "- x" for i in range(400)),
    "300 paragraphs of 1,500 ![": "\n\n".join(["![" * 1500] * 300),
    "2 MB of plain words": "word " * 400_000,
}


def bench_pathological() -> None:
    print("\n== Pathological Markdown (each must finish < 1000 ms) ==")
    raw_parser = MarkdownIt("commonmark")
    for name, text in PATHOLOGICAL.items():
        started = time.perf_counter()
        result = render_body_full(text)
        ours = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        raw_parser.render(text)
        raw = (time.perf_counter() - started) * 1000
        cut = "cut off with notice" if result.notices else "rendered in full"
        print(
            f"{name:<32} ours {ours:8.1f} ms   raw markdown-it-py {raw:8.1f} ms   ratio {ours / max(raw, 1e-6):6.2f}x   {cut}   [target < 1000 ms]"
        )


def bench_live(text: str) -> None:
    from newsdesk.gui.preview import register_scheme

    register_scheme()  # before the QApplication, as the app does
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    app = QApplication.instance() or QApplication([])
    from newsdesk.gui.editor.editor import ArticleEditor
    from newsdesk.gui.preview.pane import PreviewPane
    from newsdesk.store import open_store

    store = open_store(Path(tempfile.mkdtemp()) / "store")
    article = Article(
        headline="Benchmark story",
        standfirst="Typing with the preview open.",
        body=text,
        byline="Desk",
    )
    store.articles.create(article)
    editor = ArticleEditor(store)
    pane = PreviewPane(store)
    host = QWidget()
    row = QHBoxLayout(host)
    row.addWidget(editor)
    row.addWidget(pane)
    host.resize(1800, 1000)
    host.show()
    pane.follow(editor)

    def wait_for(signal, timeout_ms: int = 10000) -> bool:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        fired: list[bool] = []
        signal.connect(lambda *a: (fired.append(True), loop.quit()))
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        return bool(fired)

    editor.load(store.articles.get(article.id))
    wait_for(pane.pageLoaded)
    body = editor.body_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)

    def key(ch: str) -> float:
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                body, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, ch)
            )
        return (time.perf_counter() - started) * 1000

    def drain(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    print(
        f"\n== Live preview: real ArticleEditor + PreviewPane, {len(text.split()):,}-word body =="
    )
    # Key presses: a typist at ~12 keys/s (80 ms apart), timers and renders running between.
    press_times: list[float] = []
    words = ["the", "union", "and", "the", "operator", "met", "again", "on", "tuesday"]
    keys = 120 if QUICK else 400
    typed = " ".join(words * 20)[:keys]
    for ch in typed:
        press_times.append(key(ch))
        drain(80)
    base = timings(lambda: None, repeat=5)  # nothing: the floor
    raw_editor = QWidget()  # the same key handling without the preview listening
    from newsdesk.gui.editor.markdown_edit import MarkdownEdit

    plain = MarkdownEdit(raw_editor)
    plain.setPlainText(text)
    raw_editor.resize(900, 1000)
    raw_editor.show()
    plain.setFocus()
    plain.moveCursor(QTextCursor.MoveOperation.End)
    raw_times: list[float] = []
    for ch in typed[: len(typed) // 2]:
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                plain, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, ch)
            )
        raw_times.append((time.perf_counter() - started) * 1000)
        drain(20)
    del base
    report(f"key press+release, preview open ({keys} keys)", press_times, raw_times, "p95 <= 16 ms")
    print(f"{'':38} (raw = the same MarkdownEdit with nothing listening)")

    # Latency: a burst of typing, then the time from the last key to the new page loaded.
    latencies: list[float] = []
    for n in range(5 if QUICK else 15):
        for ch in f" burst{n}":
            key(ch)
            drain(30)
        last = time.perf_counter()
        ok = wait_for(pane.pageLoaded)
        latencies.append((time.perf_counter() - last) * 1000 if ok else float("inf"))
        drain(200)
    report("last keystroke -> preview updated", latencies, None, "<= 300 ms")
    print(f"{'':38} (each: {', '.join(f'{v:.0f}' for v in latencies)} ms)")
    print(
        f"{'':38} (debounce {pane._timer.interval()} ms is part of it; p95 {p95(latencies):.0f} ms)"
    )
    render_only = timings(lambda: render_page(editor.article(), resolver=resolver), repeat=10)
    print(f"{'render on the worker thread':<38} median {statistics.median(render_only):8.2f} ms")
    host.close()
    raw_editor.close()
    store.close()
    del app


def main() -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{os.cpu_count()} CPUs, load average {load:.2f} (a shared machine skews the live figures)"
    )
    text = five_thousand_words()
    bench_render(text)
    bench_pathological()
    bench_live(text)


if __name__ == "__main__":
    main()
