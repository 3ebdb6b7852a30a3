"""Plain dataclasses and rules. Imports nothing of ours, no Qt, no SQL, no HTTP."""
