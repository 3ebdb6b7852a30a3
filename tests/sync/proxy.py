"""A fault-injecting HTTP proxy between the client and the real WordPress (threads, loopback).

Each client connection carries one request: the proxy reads it whole, passes it
to the server on a fresh connection, reads the whole answer, and then — as
the next matching fault says — hands it back, holds it back, trickles it, or
throws it away *after the server has committed*. Bounded: at most
`max_connections` at once, every socket with a timeout.

    with FaultProxy(wordpress.url) as proxy:
        proxy.inject("drop_response", method="POST", path="/wp/v2/posts")
        ... point the site at proxy.url ...
"""

from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

FAULTS = ("delay", "reset", "drop_response", "trickle", "offline")


@dataclass
class Fault:
    kind: str
    method: str = ""
    path: str = ""  # a substring of the request path
    times: int = 1
    seconds: float = 0.0

    def matches(self, method: str, target: str) -> bool:
        return (not self.method or self.method == method) and (self.path in target)


@dataclass
class Seen:
    method: str
    target: str
    fault: str = ""


@dataclass
class _State:
    faults: list[Fault] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    offline: bool = False


class FaultProxy:
    def __init__(self, upstream: str, *, max_connections: int = 16, timeout: float = 30.0) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.timeout = timeout
        self.state = _State()
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(max_connections)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)

    # --- control ---------------------------------------------------------------
    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.server.close()

    def inject(
        self, kind: str, *, method: str = "", path: str = "", times: int = 1, seconds: float = 0.0
    ) -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {FAULTS}")
        with self.lock:
            self.state.faults.append(Fault(kind, method, path, times, seconds))

    def set_offline(self, offline: bool) -> None:
        """Offline: every connection is refused at once (the network is gone)."""
        with self.lock:
            self.state.offline = offline

    def seen(self, method: str = "", path: str = "") -> list[Seen]:
        with self.lock:
            return [
                s
                for s in self.state.seen
                if (not method or s.method == method) and path in s.target
            ]

    # --- the work ----------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.slots.acquire(timeout=self.timeout):
                conn.close()
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _take_fault(self, method: str, target: str) -> Fault | None:
        with self.lock:
            for fault in self.state.faults:
                if fault.times > 0 and fault.matches(method, target):
                    fault.times -= 1
                    return fault
        return None

    def _handle(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(self.timeout)
            with self.lock:
                offline = self.state.offline
            if offline:
                conn.close()
                return
            request = _read_message(conn)
            if request is None:
                return
            head = request.split(b"\r\n", 1)[0].decode("latin-1")
            method, target = head.split(" ")[:2]
            fault = self._take_fault(method, target)
            with self.lock:
                self.state.seen.append(Seen(method, target, fault.kind if fault else ""))
            if fault and fault.kind in ("reset", "offline"):
                _reset(conn)  # the server never hears of it
                return
            if fault and fault.kind == "delay":
                time.sleep(fault.seconds)
            response = self._forward(_close_after(request))
            if fault and fault.kind == "drop_response":
                _reset(conn)  # the server has committed; the client never learns it
                return
            response = _close_after(response)
            if fault and fault.kind == "trickle":
                step = max(1, len(response) // 20)
                for start in range(0, len(response), step):
                    conn.sendall(response[start : start + step])
                    time.sleep(fault.seconds / 20)
            else:
                conn.sendall(response)
        except OSError:
            pass
        finally:
            conn.close()
            self.slots.release()

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=self.timeout) as up:
            up.sendall(request)
            chunks = []
            while True:
                data = up.recv(65536)
                if not data:
                    break
                chunks.append(data)
        return b"".join(chunks)


def _read_message(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    match = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    length = int(match.group(1)) if match else 0
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _close_after(message: bytes) -> bytes:
    """One message per connection: say so, so neither side waits for another."""
    head, _, body = message.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def _reset(conn: socket.socket) -> None:
    # SO_LINGER 0: close with RST, as a dropped link or a crashed middlebox does.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    conn.close()
