"""What every command needs: the store, JSON output, errors in one line."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from typing import Any

from ..paths import data_dir
from ..store import Store, StoreError, open_store
from ..store.db import disk_full_error, is_disk_full


def store_from(args: argparse.Namespace) -> Store:
    return open_store(data_dir(args.data_dir))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run_with_store(handler: Any) -> Any:
    """Wrap a handler(args, store) so store errors become one clear line and exit 2."""

    def wrapped(args: argparse.Namespace) -> int:
        try:
            store = store_from(args)
        except StoreError as exc:
            print(f"newsdesk: {exc}", file=sys.stderr)
            return 2
        try:
            return int(handler(args, store))
        except StoreError as exc:
            print(f"newsdesk: {exc}", file=sys.stderr)
            return 1
        except (sqlite3.Error, OSError) as exc:
            if not is_disk_full(exc):
                raise
            print(f"newsdesk: {disk_full_error(store.path, 'write to')}", file=sys.stderr)
            return 1
        finally:
            store.close()

    return wrapped
