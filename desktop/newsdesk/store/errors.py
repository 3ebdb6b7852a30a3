"""Named failures of the store, each with a message a person can act on."""


class StoreError(Exception):
    """Anything the store refuses or cannot do."""


class NewerStoreError(StoreError):
    """The database was written by a newer Newsdesk; it is left untouched."""


class CorruptStoreError(StoreError):
    """The file in the data folder is not a readable Newsdesk database."""


class NotFoundError(StoreError):
    """No row with that id or uuid."""


class DiskFullError(StoreError):
    """The disk (or the user's quota) has no room for the store."""
