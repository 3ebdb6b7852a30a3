"""A sync that found a claim lost tells the person (status bar). What it changed reaches
the desks as the Changes its operations returned (tests/sync/test_sync_changes.py)."""

from __future__ import annotations

from newsdesk.gui.changes import lost_claims_message
from newsdesk.sync.engine import SyncReport


def test_a_lost_claim_is_told():
    report = SyncReport(
        claimed=[7],
        claims_lost=[
            {
                "article_id": 7,
                "headline": "Port cranes stand idle",
                "site": "english-site",
                "claimed_by": "Second Editor",
                "was": "Editor Tester",
                "message": "Second Editor is editing it now (taken over from Editor Tester)",
            }
        ],
    )
    assert lost_claims_message(report) == (
        "“Port cranes stand idle”: Second Editor is editing it now (taken over from Editor Tester)"
    )
    assert lost_claims_message(SyncReport()) == ""
