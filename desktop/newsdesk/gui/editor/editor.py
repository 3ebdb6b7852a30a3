"""The article editor: headline, standfirst, Markdown body, metadata and sources.

Signals (other desks and the preview listen; nothing here calls them):
- `articleOpened(Article)`: a different article is now in the editor.
- `articleEdited(Article)`: the in-memory article after a change, coalesced
  (at most every EDITED_DELAY_MS while typing) so a preview can follow cheaply.
- `contentChanged()`: raw, on every change: the autosaver's cue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.article import Article
from ...domain.text import DEFAULT_WORDS_PER_MINUTE, read_time_label
from ...domain.validation import DEFAULT_HEADLINE_LIMIT, DEFAULT_STANDFIRST_LIMIT, check_article
from ...store import Store
from ...ui.article_inspector_ui import Ui_Inspector
from ..naming import named
from .bidi import OneParagraphEdit
from .markdown_edit import MarkdownEdit
from .sources_panel import SourcesPanel
from .style_flags import set_flag
from .word_tally import WordTally

EDITED_DELAY_MS = 200
STATS_DELAY_MS = 300  # the label follows a pause; the count itself follows every key


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    named(label, name, name.replace("Problem", " problem"))
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    label.hide()
    return label


class ArticleEditor(QWidget):
    articleOpened = Signal(object)
    articleFollowed = Signal(object)  # the open article changed elsewhere; now shown
    articleEdited = Signal(object)
    contentChanged = Signal()
    statsChanged = Signal(int, str)  # words, "4 Min Read"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.store = store
        self._article: Article | None = None
        self._loading = False
        self._dirty = False
        self.words_per_minute = DEFAULT_WORDS_PER_MINUTE
        self.headline_limit = DEFAULT_HEADLINE_LIMIT
        self.standfirst_limit = DEFAULT_STANDFIRST_LIMIT
        self.words = 0

        self._build_main_column()
        self._build_inspector()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("editorSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.main_column)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([680, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.word_tally = WordTally(self.body_edit.document())
        self._edited_timer = self._timer(EDITED_DELAY_MS, self._emit_edited)
        self._stats_timer = self._timer(STATS_DELAY_MS, self._recount)
        self._connect_changes()
        self.setEnabled(False)

    # --- building ------------------------------------------------------------------
    def _timer(self, ms: int, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build_main_column(self) -> None:
        self.headline_edit = OneParagraphEdit()
        named(self.headline_edit, "headlineEdit", "Headline")
        self.headline_edit.setPlaceholderText("Headline")
        self.headline_count = QLabel()
        self.headline_count.setObjectName("headlineCount")
        self.headline_count.setProperty("role", "hint")
        self.headline_problem = _problem_label("headlineProblem")

        self.standfirst_edit = OneParagraphEdit(max_lines=4)
        named(self.standfirst_edit, "standfirstEdit", "Standfirst")
        self.standfirst_edit.setPlaceholderText("Standfirst: one sentence that sums the story up")
        self.standfirst_problem = _problem_label("standfirstProblem")

        self.body_edit = MarkdownEdit()
        named(self.body_edit, "bodyEdit", "Body (Markdown)")
        self.body_edit.setPlaceholderText(
            "Write the story here. Markdown: **bold**, *italic*, ## sub-head, > quote"
        )
        self.format_bar = QToolBar("Formatting")
        self.format_bar.setObjectName("formatBar")
        self.format_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        self.stats_label = QLabel()
        named(self.stats_label, "statsLabel", "Word count and read time")
        self.save_state_label = QLabel()
        self.save_state_label.setObjectName("saveStateLabel")
        self.save_state_label.setProperty("role", "hint")

        headline_row = QHBoxLayout()
        headline_row.addWidget(self.headline_edit, 1)
        headline_row.addWidget(self.headline_count, 0, Qt.AlignmentFlag.AlignBottom)
        body_frame = QFrame()
        body_frame.setObjectName("bodyFrame")
        body_layout = QVBoxLayout(body_frame)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.format_bar)
        body_layout.addWidget(self.body_edit, 1)
        stats_row = QHBoxLayout()
        stats_row.addWidget(self.stats_label)
        stats_row.addStretch(1)
        stats_row.addWidget(self.save_state_label)

        self.main_column = QWidget()
        self.main_column.setObjectName("editorMain")
        # The writing column never gets narrower than a readable measure of text.
        self.main_column.setMinimumWidth(340)
        layout = QVBoxLayout(self.main_column)
        layout.setContentsMargins(14, 10, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(headline_row)
        layout.addWidget(self.headline_problem)
        layout.addWidget(self.standfirst_edit)
        layout.addWidget(self.standfirst_problem)
        layout.addWidget(body_frame, 1)
        layout.addLayout(stats_row)

    def _build_inspector(self) -> None:
        self.inspector_ui = ui = Ui_Inspector()
        inner = QWidget()
        ui.setupUi(inner)  # the layout: ui/article_inspector.ui
        self.edition_combo, self.section_combo = ui.editionCombo, ui.sectionCombo
        self.subsection_combo, self.regions_picker = ui.subsectionCombo, ui.regionsPicker
        self.coverage_edit, self.byline_edit = ui.coverageEdit, ui.bylineEdit
        self.dateline_edit, self.breaking_check = ui.datelineEdit, ui.breakingCheck
        self.tags_edit = ui.tagsEdit
        self.tags_edit.set_usage(lambda prefix: self.store.tags.usage(prefix, limit=20))
        self.sources_panel = SourcesPanel(self.store)
        # The panel is its own form (ui/sources_panel.ui); it goes under the fields.
        ui.column.insertWidget(ui.column.indexOf(ui.inspectorFields) + 1, self.sources_panel)
        self.reload_taxonomy()
        self.inspector = QScrollArea()
        self.inspector.setObjectName("inspector")
        self.inspector.setWidgetResizable(True)
        self.inspector.setFrameShape(QFrame.Shape.NoFrame)
        self.inspector.setWidget(inner)
        self.inspector.setMinimumWidth(300)
        self.inspector.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def reload_taxonomy(self) -> None:
        """Refill edition/section/region choices (after the taxonomy dialog)."""
        article = self._article
        self._loading = True
        try:
            self.edition_combo.clear()
            for ed in self.store.taxonomy.editions():
                self.edition_combo.addItem(f"{ed.language} ({ed.code})", ed.code)
            self.section_combo.clear()
            for name in self.store.taxonomy.sections():
                self.section_combo.addItem(name, name)
            self.regions_picker.set_choices(self.store.taxonomy.regions())
        finally:
            self._loading = False
        if article is not None:
            self._show_choices(self.article())

    def _connect_changes(self) -> None:
        self.headline_edit.textChanged.connect(lambda: self._headline_changed(""))
        self.standfirst_edit.textChanged.connect(self._standfirst_changed)
        self.body_edit.textChanged.connect(self._body_changed)
        for line in (self.byline_edit, self.dateline_edit, self.coverage_edit, self.tags_edit):
            line.textChanged.connect(self._changed)
        self.edition_combo.currentIndexChanged.connect(self._edition_changed)
        self.section_combo.currentIndexChanged.connect(self._section_changed)
        self.subsection_combo.currentIndexChanged.connect(self._changed)
        self.regions_picker.changed.connect(self._changed)
        self.breaking_check.toggled.connect(self._changed)
        self.sources_panel.changed.connect(self._sources_changed)

    # --- the article in and out ---------------------------------------------------
    @property
    def article_id(self) -> int | None:
        return self._article.id if self._article else None

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def mark_clean(self, saved: Article | None = None) -> None:
        if saved is not None:
            self._article = saved.copy()
        self._dirty = False

    def adopt(self, stored: Article) -> bool:
        """The new article shown was stored meanwhile: take its id and stamps; what is in
        the fields stays as typed (and unsaved, if anything was typed). False if the
        editor moved on to another article."""
        if self._article is None or self._article.id is not None:
            return False
        if self._article.uuid != stored.uuid:
            return False
        self._article.id = stored.id
        self._article.created_at, self._article.updated_at = stored.created_at, stored.updated_at
        self.articleOpened.emit(self.article())  # what follows the open article learns its id
        return True

    def load(self, article: Article) -> None:
        self._article = article.copy()
        self._loading = True
        try:
            # The edition's direction before the text: set after, it turned every paragraph
            # of a body read against it (English in the Arabic edition) at once, each
            # change highlighted and spell-checked again (10,000 words: ~300 ms).
            self._apply_direction(article.edition)
            self.headline_edit.setText(article.headline)
            self.headline_edit.setCursorPosition(0)  # show a long headline from its start
            self.standfirst_edit.set_text(article.standfirst)
            self.body_edit.set_text(article.body)
            self.byline_edit.setText(article.byline)
            self.dateline_edit.setText(article.dateline)
            self.coverage_edit.setText(article.coverage)
            self.tags_edit.set_tags(article.tags)
            self.breaking_check.setChecked(article.is_breaking)
            self._show_choices(article)
            self.sources_panel.set_sources(article.sources)
        finally:
            self._loading = False
        self._dirty = False
        self.setEnabled(True)
        self._validate()
        self._recount()
        self.articleOpened.emit(article.copy())

    def follow(self, article: Article) -> None:
        """Show a newer stored version of the open article (a stage, a pulled edit, a lead
        photo set elsewhere) without disturbing the writer: only fields whose text differs
        are set, each keeping its cursor, and nothing counts as the writer's edit."""
        if self._article is None or article.id != self._article.id:
            return
        shown = self.article()
        self._article = article.copy()
        self._loading = True
        try:
            for name, line in (
                ("byline", self.byline_edit),
                ("dateline", self.dateline_edit),
                ("coverage", self.coverage_edit),
            ):
                value = getattr(article, name)
                if getattr(shown, name) != value:
                    at = line.cursorPosition()
                    line.setText(value)
                    line.setCursorPosition(min(at, len(value)))
            for name, text_edit in (
                ("headline", self.headline_edit),
                ("standfirst", self.standfirst_edit),
                ("body", self.body_edit),
            ):
                value = getattr(article, name)
                if getattr(shown, name) != value:
                    at = text_edit.textCursor().position()
                    text_edit.set_text(value)
                    cursor = text_edit.textCursor()
                    cursor.setPosition(min(at, len(value)))
                    text_edit.setTextCursor(cursor)
            if shown.tags != article.tags:
                self.tags_edit.set_tags(article.tags)
            self.breaking_check.setChecked(article.is_breaking)
            if [s.to_dict() for s in shown.sources] != [s.to_dict() for s in article.sources]:
                self.sources_panel.set_sources(article.sources)
        finally:
            self._loading = False
        self._show_choices(article)
        self._validate()
        self._recount()
        self.articleFollowed.emit(article.copy())

    def _show_choices(self, article: Article) -> None:
        self._loading = True
        try:
            for combo, value in (
                (self.edition_combo, article.edition),
                (self.section_combo, article.section),
            ):
                index = combo.findData(value)
                if index < 0 and value:  # keep a value the taxonomy no longer lists
                    combo.addItem(value, value)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            self._fill_subsections(article.section, article.subsection)
            self.regions_picker.set_regions(article.regions)
            self._apply_direction(article.edition)
        finally:
            self._loading = False

    def article(self) -> Article:
        """A copy of the loaded article carrying whatever is in the fields now."""
        if self._article is None:
            raise RuntimeError("no article is open")
        article = self._article.copy()
        article.headline = self.headline_edit.text()
        article.standfirst = self.standfirst_edit.toPlainText()
        article.body = self.body_edit.toPlainText()
        article.byline = self.byline_edit.text()
        article.dateline = self.dateline_edit.text()
        article.coverage = self.coverage_edit.text()
        article.tags = self.tags_edit.tags()
        article.edition = self.edition_combo.currentData() or article.edition
        article.section = self.section_combo.currentData() or ""
        article.subsection = self.subsection_combo.currentData() or ""
        article.regions = self.regions_picker.regions()
        article.priority = 1 if self.breaking_check.isChecked() else 0
        article.sources = self.sources_panel.sources()
        return article

    def set_lead_photo(self, photo_id: int | None) -> None:
        """The article's lead photo (a local photo id, from the photo desk's picker)."""
        if self._article is None or self._article.lead_photo_id == photo_id:
            return
        self._article.lead_photo_id = photo_id
        self._changed()

    def set_limits(
        self, *, words_per_minute: int, headline_limit: int, standfirst_limit: int
    ) -> None:
        self.words_per_minute = words_per_minute
        self.headline_limit = headline_limit
        self.standfirst_limit = standfirst_limit
        if self._article is not None:
            self._validate()
            self._show_stats(self.words)

    # --- reacting to edits ------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.contentChanged.emit()
        if not self._edited_timer.isActive():
            self._edited_timer.start()

    def _headline_changed(self, _text: str) -> None:
        self._changed()
        if not self._loading:
            self._validate()

    def _standfirst_changed(self) -> None:
        self._changed()
        if not self._loading:
            self._validate()

    def _sources_changed(self) -> None:
        self._changed()
        self._validate()

    def _body_changed(self) -> None:
        # Per keystroke: only restart timers. Counting waits for a pause.
        self._changed()
        if not self._loading:
            self._stats_timer.start()

    def _emit_edited(self) -> None:
        if self._article is not None:
            self.articleEdited.emit(self.article())

    def _edition_changed(self, _index: int) -> None:
        if self._loading:
            return  # load() applies the direction once, after all fields are in
        self._apply_direction(self.edition_combo.currentData() or "en")
        self._changed()

    def _section_changed(self, _index: int) -> None:
        if self._loading:
            return
        self._fill_subsections(self.section_combo.currentData() or "", "")
        self._changed()

    def _fill_subsections(self, section: str, chosen: str) -> None:
        was_loading = self._loading
        self._loading = True
        try:
            self.subsection_combo.clear()
            self.subsection_combo.addItem("—", "")
            for name in self.store.taxonomy.subsections(section) if section else []:
                self.subsection_combo.addItem(name, name)
            index = self.subsection_combo.findData(chosen)
            if index < 0 and chosen:
                self.subsection_combo.addItem(chosen, chosen)
                index = self.subsection_combo.count() - 1
            self.subsection_combo.setCurrentIndex(max(0, index))
            self.subsection_combo.setEnabled(self.subsection_combo.count() > 1)
        finally:
            self._loading = was_loading

    def _apply_direction(self, edition: str) -> None:
        rtl = any(e.code == edition and e.is_rtl for e in self.store.taxonomy.editions())
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.headline_edit.set_edition_rtl(rtl)
        self.body_edit.set_edition_rtl(rtl)
        self.standfirst_edit.set_edition_rtl(rtl)
        for widget in (
            self.byline_edit,
            self.dateline_edit,
            self.tags_edit,
            self.coverage_edit,
        ):
            widget.setLayoutDirection(direction)

    # --- counting and checking ------------------------------------------------------
    def _recount(self) -> None:
        self._show_stats(self.word_tally.total())

    def _show_stats(self, words: int) -> None:
        self.words = words
        label = read_time_label(words, self.words_per_minute) if words else "0 Min Read"
        self.stats_label.setText(f"{words:,} words  ·  {label}")
        self.statsChanged.emit(words, label)

    def _validate(self) -> None:
        if self._article is None:
            return
        probe = Article(
            headline=self.headline_edit.text(),
            standfirst=self.standfirst_edit.toPlainText(),
            sources=self.sources_panel.sources(),
        )
        problems = check_article(probe, self.headline_limit, self.standfirst_limit)
        by_field = {p.field: p.message for p in problems}
        for label, key, widget in (
            (self.headline_problem, "headline", self.headline_edit),
            (self.standfirst_problem, "standfirst", self.standfirst_edit),
        ):
            message = by_field.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
            set_flag(widget, "invalid", bool(message))
        length = len(self.headline_edit.text().strip())
        self.headline_count.setText(f"{length}/{self.headline_limit}")
        set_flag(self.headline_count, "over", length > self.headline_limit)

    def problems(self) -> list[str]:
        """Every problem in words (for the status bar on save)."""
        if self._article is None:
            return []
        return [
            p.message
            for p in check_article(self.article(), self.headline_limit, self.standfirst_limit)
        ]
