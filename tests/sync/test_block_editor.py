"""Posts as the block editor sees them: its own scripts (tests/blockcheck) parse and validate
what Newsdesk writes, for the test WordPress (6.1) and the current block library."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.services.samples import sample_files
from newsdesk.services.transfer import read_article_file
from newsdesk.sync.blocks import (
    BLOCK_TYPE_FIELDS,
    CURRENT,
    WORDPRESS_6_1,
    BlockFlavour,
    MediaRef,
    markdown_to_blocks,
)

pytestmark = pytest.mark.wordpress

CORPUS = Path(__file__).parent / "data" / "every-construct.md"
PHOTO = MediaRef(
    "p-1", 42, "http://127.0.0.1/a.jpg?x=1&y=2", 'Rain & "wind" <it>. (AP)', 'Rain & "wind" > it'
)


def bodies() -> list[tuple[str, str]]:
    out = [(CORPUS.name, CORPUS.read_text(encoding="utf-8"))]
    out += [(path.name, read_article_file(path).body) for path in sample_files()]
    return out


def test_the_validator_flags_what_the_editor_would_not_open(blockcheck):
    assert blockcheck.versions["wp"].startswith("6.1")
    assert blockcheck.versions["current"].startswith("block-library ")
    raw_quote = (
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><h3>Sub</h3></blockquote>\n'
        "<!-- /wp:quote -->"
    )
    old_list = "<!-- wp:list -->\n<ul><li>a</li></ul>\n<!-- /wp:list -->"
    fine = "<!-- wp:paragraph -->\n<p>Fine.</p>\n<!-- /wp:paragraph -->"
    for verdict in blockcheck.check(raw_quote).values():
        assert verdict.blocks[0]["status"] == "invalid", verdict
    for verdict in blockcheck.check(old_list).values():
        assert verdict.blocks[0]["status"] == "deprecated", verdict
    assert blockcheck.problems(fine) == []
    # A block the editor would migrate is saved differently: the round trip shows it.
    assert blockcheck.verdict(old_list, "wp").resaved != old_list


def test_the_site_says_which_markup_its_editor_writes(wordpress):
    with wordpress.client("contributor") as web:
        types = web.get(
            "/wp/v2/block-types", params={"namespace": "core", "_fields": BLOCK_TYPE_FIELDS}
        ).json()
    assert BlockFlavour.from_block_types(types) == WORDPRESS_6_1
    assert BlockFlavour.from_block_types([]) == CURRENT


@pytest.mark.parametrize("engine, flavour", [("wp", WORDPRESS_6_1), ("current", CURRENT)])
@pytest.mark.parametrize("name, body", bodies(), ids=[n for n, _ in bodies()])
def test_every_construct_opens_without_a_deprecation(blockcheck, engine, flavour, name, body):
    content = markdown_to_blocks(body, {"p-1": PHOTO}.get, flavour)
    verdict = blockcheck.verdict(content, engine)
    assert verdict.problems == []
    # Opened and saved again untouched, the post is what was sent, byte for byte.
    assert verdict.resaved == content


def test_the_corpus_has_every_block_the_markup_writes(blockcheck):
    content = markdown_to_blocks(CORPUS.read_text(encoding="utf-8"), {"p-1": PHOTO}.get)
    names = set(blockcheck.verdict(content, "current").names())
    assert names >= {
        "core/paragraph", "core/heading", "core/list", "core/list-item", "core/quote",
        "core/code", "core/separator", "core/table", "core/image", "core/html",
    }  # fmt: skip
    assert "start" in content and "[^1]" not in content


def test_the_current_block_library_reads_as_the_current_markup(blockcheck):
    """The registry a current WordPress would answer, from the pinned library's block.json."""
    import json

    from .blockcheck import BLOCKCHECK_DIR

    build = BLOCKCHECK_DIR / "node_modules/@wordpress/block-library/build"
    types = []
    for name in ("heading", "list", "table", "paragraph"):
        meta = json.loads((build / name / "block.json").read_text(encoding="utf-8"))
        types.append({"name": meta["name"], "supports": meta.get("supports", {}),
                      "attributes": meta.get("attributes", {})})  # fmt: skip
    assert BlockFlavour.from_block_types(types) == CURRENT
