"""Sync with the publishing server (WordPress REST API): no Qt here.

client.py talks HTTP, credentials.py keeps passwords in the OS keyring,
blocks.py and mapping.py translate articles to posts and back, media.py
uploads photos once, engine.py drains the outbox, pulls, and merges.
"""
