"""Compare two versions of a story."""
