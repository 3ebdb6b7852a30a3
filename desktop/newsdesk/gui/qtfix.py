"""Work around a PySide6 6.12 reference-count bug on CPython 3.11.

PySide6 returns None from C++ `void` methods (setText, setEnabled, ...) without
taking a new reference. On Python 3.12+ None is immortal and nothing happens;
on 3.11 every such call drains None's count by one until the interpreter
aborts with "Fatal Python error: none_dealloc" (a few thousand calls into a
session; measured: one decrement per call). True and False drain the same way
on some paths (a long benchmark ended in "bool_dealloc"). Until PySide is
fixed, give these singletons immortal-sized counts, as 3.12 does. Import this
before using Qt.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # a trillion calls: more than any session will make

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    for _singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        _count = ctypes.c_ssize_t.from_address(id(_singleton))
        if _count.value < _HEADROOM:
            _count.value += _HEADROOM
