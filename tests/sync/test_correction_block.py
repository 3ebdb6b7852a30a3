"""A published correction: under the body, labelled and dated in the edition's language,
and never taken back into the body by a pull."""

from __future__ import annotations

from newsdesk.sync.blocks import correction_block, html_to_markdown


def test_the_correction_is_dated_in_the_editions_language():
    block = correction_block("Ana Ruiz, not Ana Ríos.", "2026-12-03T16:00:00Z", "es")
    assert "<strong>Corrección (3 dic 2026):</strong> Ana Ruiz, not Ana Ríos." in block
    assert correction_block("x", "2026-12-03T16:00:00Z", "en").count("Correction (3 Dec 2026)")
    assert "<script>" not in correction_block("<script>", "", "en")


def test_a_pulled_page_keeps_its_correction_out_of_the_body():
    page = "<!-- wp:paragraph -->\n<p>The body.</p>\n<!-- /wp:paragraph -->" + correction_block(
        "Ana Ruiz, not Ana Ríos.", "2026-12-03T16:00:00Z", "en"
    )
    assert html_to_markdown(page, lambda _id: None).strip() == "The body."
