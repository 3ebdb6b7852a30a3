"""Entry point of the PyInstaller bundle."""

import sys

from newsdesk.__main__ import main

sys.exit(main())
