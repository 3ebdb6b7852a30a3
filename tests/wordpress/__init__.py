"""The real WordPress the sync tests run against (see server.py)."""
