"""Where things live: the data folder (one flag or variable moves it) and the resources."""

from __future__ import annotations

import os
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "Newsdesk"
DATA_DIR_ENV = "NEWSDESK_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store's folder: --data-dir, else $NEWSDESK_DATA_DIR, else the platform's default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resource(*parts: str) -> Traversable:
    """A file under resources/ (shipped in the wheel as newsdesk.resources)."""
    node = resources.files("newsdesk.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_path(*parts: str) -> Path:
    """A real filesystem path for a resource (Qt and Jinja2 want paths)."""
    return Path(str(resource(*parts)))
