"""Sample articles and photos for a new store, so a newcomer sees a working newsroom at once."""

from __future__ import annotations

from pathlib import Path

from ..domain.photo import photo_markdown
from ..paths import resource_path
from ..store import Store

AUTHOR = "Newsdesk samples"


def sample_files() -> list[Path]:
    return sorted(resource_path("samples").glob("*.md"))


def seed_if_new(store: Store) -> int:
    """Import the samples into a store created just now; returns how many articles were added."""
    if not store.is_new or store.articles.count():
        return 0
    # Imported here: every start asks, only a new store needs the converters (a second).
    from .transfer import import_files

    # Samples stay local: they reach a server only once someone edits one.
    imported = import_files(store, sample_files(), author=AUTHOR, queue=False)
    by_file = {result.path.name: result.article_id for result in imported}
    _attach_photos(store, by_file)
    return len(imported)


def _attach_photos(store: Store, articles: dict[str, int]) -> None:
    import yaml

    from ..photos.importer import import_files as import_photos

    folder = resource_path("samples", "photos")
    uses = yaml.safe_load((folder / "uses.yaml").read_text(encoding="utf-8"))
    # The captions' spelling waits, as a window's saves do (store.photos.defer_spelling):
    # reading the dictionaries here kept a newcomer's first window away for ~9 s.
    deferring, store.photos.defer_spelling = store.photos.defer_spelling, True
    try:
        report = import_photos(store, [folder / use["photo"] for use in uses], workers=1)
    finally:
        store.photos.defer_spelling = deferring
    photos = {Path(p.original_name).name: p for p in report.added if p.original_name}
    for use in uses:
        photo, article_id = photos.get(use["photo"]), articles.get(use["article"])
        if photo is None or article_id is None or photo.id is None:
            continue  # a sample that cannot be read is left out, never fatal
        article = store.articles.get(article_id)
        if use["role"] == "lead":
            article.lead_photo_id = photo.id
        else:
            article.body = (
                article.body.rstrip() + "\n\n" + photo_markdown(photo.uuid, photo.alt_text)
            )
        store.articles.save(article, author=AUTHOR, reason="sample photos", queue=False)
