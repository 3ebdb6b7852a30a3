"""Entry point of the PyInstaller bundle."""

import multiprocessing
import sys

from newsdesk.__main__ import main

if __name__ == "__main__":
    # The photo import's worker processes are spawned: in a frozen app the child runs
    # this same executable, which must turn into the worker instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
