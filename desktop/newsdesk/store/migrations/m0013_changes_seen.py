"""Schema 13: what a site's change counter said after the last complete sync.

With companion plugin 2.3 a site counts the requests that changed anything
Newsdesk syncs (`GET /newsdesk/v1/changes`). `sites.changes_seen` keeps, as JSON,
the number read before the last complete sync's pull (`version`; null: sync in full
next time), when that sync ran on this desktop's clock (`at`: a full sync every ten
minutes whatever the number), and a fingerprint of the claims the store held for
the site's stories then (`claims`: a claim made here while offline is replaced by
the site's at the next full sync). `{"route": false}`: the site's plugin has no
counter (older than 2.3). Empty: never synced in full since the upgrade.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sites ADD COLUMN changes_seen TEXT NOT NULL DEFAULT ''")
