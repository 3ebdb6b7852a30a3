"""How long a long sync has left, from its rate so far: for progress bars and the CLI."""

from __future__ import annotations

import time
from collections.abc import Callable

# Too early to say before this much time or this share of the work.
MIN_SECONDS = 2.0
MIN_SHARE = 0.02


class Eta:
    """Seconds left in the current phase, at the rate the phase has gone so far."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.phase = ""
        self.started = 0.0
        self.first_done = 0

    def update(self, phase: str, done: int, total: int) -> float | None:
        now = self.clock()
        if phase != self.phase:
            # A new phase (or a pull resumed part-way) starts its own clock.
            self.phase, self.started, self.first_done = phase, now, done
            return None
        elapsed = now - self.started
        progressed = done - self.first_done
        if total <= 0 or progressed <= 0 or elapsed < MIN_SECONDS:
            return None
        if progressed < MIN_SHARE * total:
            return None
        return max(0.0, (total - done) * elapsed / progressed)


def say_left(seconds: float | None) -> str:
    """'about 4 min left', as a person would say it ('' when it is too early to say)."""
    if seconds is None:
        return ""
    if seconds < 50:
        return "less than a minute left"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"about {minutes} min left"
    return f"about {minutes // 60} h {minutes % 60:02d} min left"
