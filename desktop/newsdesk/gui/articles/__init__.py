"""The article list: a paged model over the store and the pane that filters and searches it."""
