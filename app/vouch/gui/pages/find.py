"""Find: who could I rely on for a task, from my own point of view, and why."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vouch.gui import worker
from vouch.gui.flow_words import level_words
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage, busy_bar
from vouch.gui.models import NameBook
from vouch.gui.pages.base import Page, heading, muted
from vouch.gui.session import Session
from vouch.gui.text import escaped
from vouch.gui.widgets.path_graph import PathGraph
from vouch.trust.results import TrustResult

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_LIMIT = 50


def result_level(result: TrustResult) -> str:
    return level_words(result.level)


class FindPage(Page):
    key = "find"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.job: worker.Job | None = None
        self.results: list[TrustResult] = []
        self.names = NameBook()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Find someone for a task")))
        layout.addWidget(
            muted(
                self.tr(
                    "Type a task: Vouch ranks the people your endorsements lead to, from your "
                    "own point of view, and shows why."
                )
            )
        )
        bar = QHBoxLayout()
        self.query = QComboBox()
        self.query.setEditable(True)
        self.query.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.query.setAccessibleName(self.tr("Task"))
        self.query.setToolTip(self.tr("The task to search for, e.g. plumbing"))
        edit = self.query.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("e.g. plumbing"))
        edit.returnPressed.connect(self.search)
        # Tasks in use complete on any part: "plumb" offers "home/plumbing".
        self.scopes = QStringListModel(self)
        completer = QCompleter(self.scopes, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.query.setCompleter(completer)
        self.search_button = QPushButton(icon("find"), self.tr("&Search"))
        self.search_button.clicked.connect(self.search)
        caption = QLabel(self.tr("&Task:"))
        caption.setBuddy(self.query)
        bar.addWidget(caption)
        bar.addWidget(self.query, 1)
        bar.addWidget(self.search_button)
        layout.addLayout(bar)
        self.busy = busy_bar(self.tr("Searching"))
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("People found"))
        self.tree.setHeaderLabels(
            [self.tr("Person"), self.tr("I could rely on them"), self.tr("How")]
        )
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 200)
        self.tree.currentItemChanged.connect(self._current_changed)
        splitter.addWidget(self.tree)
        explain = QWidget()
        e = QVBoxLayout(explain)
        e.setContentsMargins(0, 0, 0, 0)
        self.explain_title = QLabel()
        self.explain_title.setTextFormat(Qt.TextFormat.RichText)  # our markup; names escaped
        e.addWidget(self.explain_title)
        self.graph = PathGraph()
        e.addWidget(self.graph, 1, Qt.AlignmentFlag.AlignTop)
        self.cautions = QListWidget()
        self.cautions.setAccessibleName(self.tr("Cautions"))
        self.cautions.setMaximumHeight(90)
        e.addWidget(self.cautions)
        splitter.addWidget(explain)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._show_result(None)

    def focus_query(self) -> None:
        self.query.setFocus()
        edit = self.query.lineEdit()
        if edit is not None:
            edit.selectAll()

    def refresh(self) -> None:
        text = self.query.currentText()
        self.query.blockSignals(True)
        self.query.clear()
        in_use = self.session.wallet.scopes_in_use()
        self.query.addItems(in_use)
        self.scopes.setStringList(in_use)
        self.query.setEditText(text)
        self.query.blockSignals(False)
        if self.results:
            self.search()

    def clear(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.results = []
        self.tree.clear()
        self.query.clear()
        self.message.clear_message()
        self._show_result(None)

    def search(self) -> None:
        scope = self.query.currentText().strip()
        if not scope:
            self._clear_results()  # results of an earlier task would look like an answer
            self.message.error(self.tr("Type a task to search for."))
            return
        wallet = self.session.wallet
        self.names = NameBook(wallet)
        self.message.clear_message()
        self.busy.show()
        self.search_button.setEnabled(False)
        self._asked = scope

        def find(_job: worker.Job) -> tuple[list[TrustResult], list[str]]:
            found = wallet.find(scope, limit=RESULT_LIMIT)
            return found, ([] if found else wallet.similar_scopes(scope))

        self.job = worker.run(find, on_success=self._found, on_failure=self._failed)

    def _clear_results(self) -> None:
        self.results = []
        self.tree.clear()
        self._show_result(None)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.search_button.setEnabled(True)
        if self.session.is_unlocked:
            self.message.show_exception(exc)

    def _found(self, answer: tuple[list[TrustResult], list[str]]) -> None:
        results, similar = answer
        self.busy.hide()
        self.search_button.setEnabled(True)
        if not self.session.is_unlocked:
            return
        self.results = results
        self.tree.clear()
        for result in results:
            item = QTreeWidgetItem(
                [
                    self.names(result.did),
                    result_level(result),
                    self._how(result),
                ]
            )
            item.setData(0, RESULT_ROLE, result)
            if result.cautions:
                item.setIcon(0, icon("caution"))
                item.setToolTip(0, self.tr("%n cautions", "", len(result.cautions)))
            for path in result.paths:
                chain = " → ".join(
                    [self.names(path.steps[0].issuer)] + [self.names(s.subject) for s in path.steps]
                )
                child = QTreeWidgetItem([chain, "", ""])
                child.setFirstColumnSpanned(True)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        if results:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))  # type: ignore[arg-type]
            self.message.note(
                self.tr("%n people for “{task}”.", "", len(results)).format(task=self._asked)
            )
        else:
            text = self.tr("Nobody you rely on (directly or through others) for that task.")
            if similar:
                text += " " + self.tr("Did you mean {tasks}?").format(
                    tasks=self.tr(" or ").join(f"“{s}”" for s in similar)
                )
            self.message.note(text)
            self._show_result(None)

    def _caution_line(self, issuer: str, _subject: str) -> str:
        if issuer == self.names.me:
            return self.tr("⚠ You caution about {subject} for {task}: {reason}")
        return self.tr("⚠ {issuer} cautions about {subject} for {task}: {reason}")

    def _how(self, result: TrustResult) -> str:
        if result.direct:
            return self.tr("I endorsed them")
        if not result.paths or len(result.paths[0].steps) < 2:
            return ""
        via = self.names(result.paths[0].steps[1].issuer)
        more = len(result.paths) - 1
        if more:
            return self.tr("through {name} and %n more", "", more).format(name=via)
        return self.tr("through {name}").format(name=via)

    def _current_changed(self, item: QTreeWidgetItem | None, _old: object) -> None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        self._show_result(item.data(0, RESULT_ROLE) if item is not None else None)

    def _show_result(self, result: TrustResult | None) -> None:
        self.cautions.clear()
        if result is None:
            self.explain_title.setText("")
            self.graph.set_paths((), str)
            self.cautions.hide()
            return
        name, scope = escaped(self.names(result.did)), escaped(result.scope)
        self.explain_title.setText(
            self.tr("<b>Why {name}</b>: you could rely on them {level} for {task}.").format(
                name=name, level=result_level(result), task=scope
            )
        )
        self.graph.set_paths(result.paths, self.names)
        for note in result.cautions:
            self.cautions.addItem(
                self._caution_line(note.issuer, note.subject).format(
                    subject=self.names(note.subject),
                    issuer=self.names(note.issuer),
                    task=note.scope,
                    reason=note.reason,
                )
            )
        self.cautions.setVisible(bool(result.cautions))
