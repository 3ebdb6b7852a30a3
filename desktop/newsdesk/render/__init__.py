"""Rendering and formats: Markdown to sanitised HTML, page templates, ninjs, front matter.

Imports domain only; never Qt, never the store.
"""
