"""The breaking ticker desk."""
