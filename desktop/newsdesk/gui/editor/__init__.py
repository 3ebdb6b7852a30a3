"""The article editor: fields, Markdown body with formatting, sources, autosave."""
