"""The block validator never quietly stays away: under CI a missing node fails the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from .blockcheck import BlockCheck, BlockCheckMissing, missing_reason, start


def test_a_missing_node_is_named(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert "node is not installed" in (missing_reason() or "")
    with pytest.raises(BlockCheckMissing):
        BlockCheck("http://127.0.0.1:9", Path("/nonexistent"))


def test_under_ci_a_missing_validator_fails_and_elsewhere_it_skips_saying_why(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv("CI", "true")
    # Caught as BaseException: a skip where a failure is due must fail this test, not skip it.
    with pytest.raises(BaseException) as outcome:
        start("http://127.0.0.1:9", Path("/nonexistent"))
    assert outcome.type is pytest.fail.Exception
    assert "cannot run under CI: node is not installed" in str(outcome.value)
    monkeypatch.delenv("CI")
    with pytest.raises(BaseException) as outcome:
        start("http://127.0.0.1:9", Path("/nonexistent"))
    assert outcome.type is pytest.skip.Exception
    assert "node is not installed" in str(outcome.value)


def test_missing_packages_are_named(monkeypatch, tmp_path):
    from . import blockcheck

    monkeypatch.setattr(blockcheck, "BLOCKCHECK_DIR", tmp_path)
    reason = missing_reason() or ""
    assert "is not installed" in reason
