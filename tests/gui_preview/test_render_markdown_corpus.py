"""The hostile bodies the live preview is fed (shared with the pane tests)."""

from __future__ import annotations

HOSTILE_BODIES = [
    "<script>document.title='pwned'</script>",
    '<img src="https://evil.example/track.gif" onerror="document.title=1">',
    '<img src="//evil.example/scheme-relative.gif">',
    "![remote](https://evil.example/remote.png)",
    "[click](javascript:alert(1))",
    '<svg><script>alert(1)</script><image href="https://evil.example/svg.png"/></svg>',
    '<iframe src="https://evil.example/frame"></iframe>',
    '<form action="https://evil.example/post"><input name="q"></form>',
    '<p style="background:url(https://evil.example/bg.png)">styled</p>',
    "<style>@import url(https://evil.example/a.css); body{background:url(https://evil.example/b.png)}</style>",
    '<link rel="stylesheet" href="https://evil.example/c.css">',
    '<object data="https://evil.example/o.swf"></object>',
    '<video poster="https://evil.example/poster.png" src="https://evil.example/v.mp4"></video>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<img src="newsdesk://photo/../../../etc/passwd">',
]


def test_corpus_is_not_empty():
    assert len(HOSTILE_BODIES) >= 10
