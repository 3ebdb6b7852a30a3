"""Use cases that combine the store with rendering and formats. Never Qt."""
