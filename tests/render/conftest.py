"""Fixtures for rendering tests: real image files and a resolver over them."""

from __future__ import annotations

import pytest
from newsroom_samples import draw_photo, resolver_for


@pytest.fixture
def photo_files(tmp_path):
    files = {
        "11111111-1111-4111-8111-111111111111": draw_photo(
            tmp_path / "a.jpg", 1, "dusk", (800, 450)
        ),
        "22222222-2222-4222-8222-222222222222": draw_photo(
            tmp_path / "b.jpg", 2, "noon", (640, 480)
        ),
    }
    return files


@pytest.fixture
def resolver(photo_files):
    uuids = list(photo_files)
    return resolver_for(
        photo_files,
        {
            uuids[0]: ("Tankers wait outside the harbour", "AP"),
            uuids[1]: ("A queue", "Social media"),
        },
    )
