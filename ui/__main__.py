"""python -m newsdesk.ui: regenerate the forms' Python modules after a change in Designer."""

from . import compile_all

if __name__ == "__main__":
    changed = compile_all()
    print("\n".join(f"regenerated {p.name}" for p in changed) or "every form is up to date")
