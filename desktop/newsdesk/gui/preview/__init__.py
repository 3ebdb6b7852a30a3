"""The layout preview: the article as the site shows it, offline, as one types."""

from .scheme import register_scheme

__all__ = ["register_scheme"]
