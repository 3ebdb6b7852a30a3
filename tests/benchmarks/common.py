"""Timing helpers for the benchmarks: percentiles and ratio lines."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings(fn: Callable[[], object], repeat: int = 30, warmup: int = 2) -> list[float]:
    """Wall times in milliseconds."""
    for _ in range(warmup):
        fn()
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        result.append((time.perf_counter() - start) * 1000)
    return result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(name: str, ours: list[float], raw: list[float] | None = None, target: str = "") -> str:
    line = f"{name:<38} median {statistics.median(ours):8.2f} ms  p95 {p95(ours):8.2f} ms"
    if raw:
        ratio = statistics.median(ours) / max(statistics.median(raw), 1e-9)
        p95_ratio = p95(ours) / max(p95(raw), 1e-9)
        line += (
            f"   raw median {statistics.median(raw):8.2f} ms  ratio {ratio:5.2f}x"
            f"  (p95 ratio {p95_ratio:4.2f}x)"
        )
    if target:
        line += f"   [target {target}]"
    print(line, flush=True)
    return line


def paired_timings(
    ours: Callable[[object], object],
    raw: Callable[[object], object],
    inputs: list[object],
    rounds: int = 3,
) -> tuple[list[float], list[float]]:
    """Both sides on the same inputs, alternating, after one untimed pass of each.

    Timing one side after the other lets the second ride on a page cache the
    first warmed; interleaving gives both the same cache.
    """
    for item in inputs:
        ours(item)
        raw(item)
    ours_ms, raw_ms = [], []
    for _ in range(rounds):
        for item in inputs:
            start = time.perf_counter()
            ours(item)
            ours_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            raw(item)
            raw_ms.append((time.perf_counter() - start) * 1000)
    return ours_ms, raw_ms
