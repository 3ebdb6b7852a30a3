"""Every command of the main window, declared once: text, shortcuts, icon, tip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .resources import icon


@dataclass(frozen=True)
class Command:
    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    icon: str = ""
    tip: str = ""
    checkable: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("new", "&New article", ("Ctrl+N",), "new", "Start a new article"),
    Command("save", "&Save", ("Ctrl+S",), "save", "Save a revision of this article"),
    Command(
        "history", "&History…", ("Ctrl+Shift+H",), "history", "Browse and restore earlier revisions"
    ),
    Command(
        "submit",
        "Sub&mit to the editors",
        ("Ctrl+Return", "Ctrl+Enter"),
        "submit",
        "Send this story to the editors' queue (the checklist first)",
    ),
    Command(
        "import",
        "&Import articles…",
        ("Ctrl+O",),
        "",
        "Import Markdown (front matter) or ninjs files; dropping them on the list does the same",
    ),
    Command(
        "export", "&Export article…", ("Ctrl+E",), "", "Write this article as Markdown or ninjs"
    ),
    Command("quit", "&Quit", ("Ctrl+Q",)),
    Command("undo", "&Undo", ("Ctrl+Z",)),
    Command("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    Command("find", "&Find articles", ("Ctrl+F",), "search", "Search all articles"),
    Command(
        "site_search",
        "Search the &site…",
        ("Ctrl+Shift+F",),
        "",
        "Find stories on the publishing site older than this desktop keeps, and bring them here",
    ),
    Command("bold", "&Bold", ("Ctrl+B",), "bold", "Bold (**text**)"),
    Command("italic", "&Italic", ("Ctrl+I",), "italic", "Italic (*text*)"),
    Command("link", "&Link…", ("Ctrl+K",), "link", "Link ([text](url))"),
    Command(
        "heading", "Sub-&heading", ("Ctrl+H", "Ctrl+Alt+2"), "heading", "Sub-heading (## line)"
    ),
    Command("quote", "&Quotation", ("Ctrl+Shift+Q",), "quote", "Quotation (> line)"),
    Command("bullets", "Bulleted &list", ("Ctrl+Shift+L",), "bullets", "Bulleted list (- line)"),
    Command(
        "next",
        "&Next article",
        ("Alt+Down", "Ctrl+PgDown"),
        "next",
        "Open the next article in the list",
    ),
    Command(
        "previous",
        "&Previous article",
        ("Alt+Up", "Ctrl+PgUp"),
        "previous",
        "Open the previous article in the list",
    ),
    Command("preview", "Show &preview", ("F9",), "preview", "Show or hide the preview pane", True),
    Command("taxonomy", "Sections, regions and &tags…"),
    Command("preferences", "&Preferences…", ("Ctrl+,",)),
    Command("shortcuts", "&Keyboard shortcuts…", ("F1", "Ctrl+/")),
    Command("firstrun", "&First-run guide…", (), "", "Name, role, edition and publishing site"),
    Command("about", "&About Newsdesk"),
)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    actions = {}
    for command in COMMANDS:
        action = QAction(command.text, parent)
        action.setObjectName(f"action_{command.name}")
        if command.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in command.shortcuts])
        if command.icon:
            action.setIcon(icon(command.icon))
        tip = command.tip or command.text.replace("&", "").rstrip("…")
        if command.shortcuts:
            tip += f"  ({QKeySequence(command.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(command.checkable)
        parent.addAction(action)  # shortcuts work wherever focus is in the window
        actions[command.name] = action
    return actions
