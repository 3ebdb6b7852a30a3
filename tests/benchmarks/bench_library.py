"""Shared photo library benchmark against a real WordPress with the plugin (started here).

    .venv/bin/python tests/benchmarks/bench_library.py [--photos 200]

1. Publish N photos to the library (public copy made, uploaded with caption fields and
   the plugin's meta, one hash lookup first)  vs  a raw httpx loop uploading the same
   original files with a caption: throughput ratio (report).
2. Another desk's first sync of that library: N thumbnails and caption fields.
3. Publishing the same N again: nothing is uploaded (one lookup request).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the harness and the in-memory keyring

import httpx  # noqa: E402
import keyring  # noqa: E402
from PIL import Image  # noqa: E402

from newsdesk.ops.photos import publish_to_library  # noqa: E402
from newsdesk.ops.sites import add_site  # noqa: E402
from newsdesk.photos.importer import import_files  # noqa: E402
from newsdesk.store import open_store  # noqa: E402
from newsdesk.sync.engine import SyncEngine  # noqa: E402
from sync.memory_keyring import MemoryKeyring  # noqa: E402
from wordpress.server import Harness  # noqa: E402


def make_photos(folder: Path, count: int, tag: str) -> list[Path]:
    """Camera-like JPEGs (1600×1000, noisy enough to weigh what a photo weighs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{tag}-{n:04d}.jpg"
        image = Image.effect_noise((1600, 1000), 40 + n % 50).convert("RGB")
        image.save(path, "JPEG", quality=88)
        paths.append(path)
    return paths


def raw_uploads(wp, paths: list[Path]) -> float:
    started = time.perf_counter()
    with httpx.Client(base_url=wp.api, auth=wp.users["editor"].auth, timeout=120) as client:
        for n, path in enumerate(paths):
            answer = client.post(
                "/wp/v2/media",
                files={"file": (path.name, path.read_bytes(), "image/jpeg")},
                data={"caption": f"Raw photo {n}. (AP)", "alt_text": "Noise"},
            )
            answer.raise_for_status()
    return time.perf_counter() - started


def store_for(wp, folder: Path, role: str):
    store = open_store(folder)
    user = wp.users[role]
    add_site(store, "bench", wp.url, user.login, user.app_password)
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    harness = Harness()
    tmp = Path(tempfile.mkdtemp(prefix="nd-bench-library-"))
    try:
        wp = harness.site(with_plugin=True)
        raw_files = make_photos(tmp / "raw", args.photos, "raw")
        ours_files = make_photos(tmp / "ours", args.photos, "ours")
        raw_s = raw_uploads(wp, raw_files)

        desk = store_for(wp, tmp / "desk", "editor")
        report = import_files(desk, ours_files, workers=1)
        ids = [p.id for p in report.photos]
        desk.photos.update_many(
            {
                pid: {
                    "caption": f"Photo {pid} of the bench. (AP)",
                    "credit": "AP",
                    "alt_text": "Noise",
                }
                for pid in ids
            }
        )
        started = time.perf_counter()
        _, reports = publish_to_library(desk, ids)
        ours_s = time.perf_counter() - started
        assert len(reports[0][1].sent) == args.photos, reports[0][1].failed[:3]
        ratio = (args.photos / ours_s) / (args.photos / raw_s)
        print(f"publish {args.photos} photos to the library   ours {ours_s:7.1f} s "
              f"({args.photos / ours_s:5.2f} photos/s)")  # fmt: skip
        print(f"  raw httpx uploads of the originals       raw  {raw_s:7.1f} s "
              f"({args.photos / raw_s:5.2f} photos/s)   throughput ratio {ratio:.2f}x")  # fmt: skip

        reporter = store_for(wp, tmp / "reporter", "author")
        started = time.perf_counter()
        sync = SyncEngine(reporter).sync()
        pull_s = time.perf_counter() - started
        assert sync.photos.get("arrived") == args.photos, sync.photos
        print(f"another desk's first sync: {args.photos} thumbnails + captions  {pull_s:7.1f} s "
              f"({sync.requests} requests)")  # fmt: skip

        started = time.perf_counter()
        _, reports = publish_to_library(desk, ids)
        again_s = time.perf_counter() - started
        assert reports[0][1].sent == [], reports
        print(f"publishing the same {args.photos} again (nothing sent)  {again_s * 1000:7.0f} ms")
        desk.close()
        reporter.close()
    finally:
        harness.stop()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
