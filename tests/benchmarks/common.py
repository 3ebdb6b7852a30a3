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
        line += f"   raw median {statistics.median(raw):8.2f} ms  ratio {ratio:5.2f}x"
    if target:
        line += f"   [target {target}]"
    print(line, flush=True)
    return line
