"""A sync that changed claims tells the desks (their Changes) and the person (status bar)."""

from __future__ import annotations

from newsdesk.gui.changes import changes_of_sync, lost_claims_message
from newsdesk.sync.engine import SyncReport


def test_a_claim_changed_on_the_site_is_announced_and_a_lost_one_is_told():
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
    changes = changes_of_sync(report)
    assert changes.touches(7) and changes.queue
    assert lost_claims_message(report) == (
        "“Port cranes stand idle”: Second Editor is editing it now (taken over from Editor Tester)"
    )
    assert lost_claims_message(SyncReport()) == ""
