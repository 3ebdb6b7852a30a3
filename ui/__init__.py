"""The static forms, laid out in Qt Designer (*.ui), and the Python that pyside6-uic makes of them.

Each `name.ui` has a generated `name_ui.py` beside it (class `Ui_<Form>`, whose
`setupUi(widget)` builds the layout into a widget the code owns). Compiled, not
loaded with QUiLoader at run time: the article inspector is built before the
window first paints, and loading it would add QtUiTools' start-up to that path.
After changing a form in Designer, regenerate: `python -m newsdesk.ui`
(tests/gui/test_forms.py fails while a generated module is out of date).
"""

from __future__ import annotations

from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parent
HEADER = (
    "# Generated from {form} by `python -m newsdesk.ui` (pyside6-uic).\n"
    "# Change the form in Qt Designer and regenerate; edits here are lost.\n"
    "# ruff: noqa\n"
)


def forms() -> list[Path]:
    return sorted(FORMS_DIR.glob("*.ui"))


def module_for(form: Path) -> Path:
    return form.with_name(form.stem + "_ui.py")


def _uic() -> list[str]:
    import PySide6

    here = Path(PySide6.__file__).resolve().parent
    for candidate in (here / "Qt" / "libexec" / "uic", here / "uic", here / "uic.exe"):
        if candidate.exists():
            return [str(candidate), "-g", "python"]
    import shutil

    found = shutil.which("pyside6-uic")
    if found is None:
        raise RuntimeError("pyside6-uic not found: install PySide6 (with its tools).")
    return [found]


def compiled(form: Path) -> str:
    """What pyside6-uic makes of `form`, with a header that names no tool version."""
    import subprocess  # regenerating only: the app imports this package for its forms

    out = subprocess.run(
        [*_uic(), str(form)], capture_output=True, text=True, check=True
    ).stdout
    body = out[out.index("from PySide6") :]  # drop uic's banner (it names its version)
    return HEADER.format(form=form.name) + "\n" + body


def compile_all() -> list[Path]:
    """Regenerate every form's module; returns the modules that changed."""
    changed = []
    for form in forms():
        module = module_for(form)
        text = compiled(form)
        if not module.exists() or module.read_text(encoding="utf-8") != text:
            module.write_text(text, encoding="utf-8")
            changed.append(module)
    return changed
