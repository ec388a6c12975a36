"""Import: always a preview first, then the import itself; both off the GUI thread, cancellable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import ImportPreview, ImportResult
from vouch.errors import InvalidBundle
from vouch.gui import worker
from vouch.gui.flow_words import level_words_text
from vouch.gui.messages import InlineMessage, enter_does
from vouch.gui.models import NameBook
from vouch.gui.session import Session
from vouch.gui.text import escaped

SHOWN_ITEMS = 500


class ImportDialog(QDialog):
    def __init__(self, session: Session, data: bytes | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data = data
        self.preview: ImportPreview | None = None
        self.result_: ImportResult | None = None
        self.job: worker.Job | None = None
        self.setWindowTitle(self.tr("Import endorsements"))
        self.resize(620, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking…"))
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # our markup; their words escaped
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Import summary"))
        layout.addWidget(self.summary)
        self.items = QTreeWidget()
        self.items.setAccessibleName(self.tr("What the import contains"))
        self.items.setHeaderLabels(
            [self.tr("Kind"), self.tr("From"), self.tr("About"), self.tr("Task"), self.tr("Level")]
        )
        self.items.setRootIsDecorated(True)
        # The names and the task share the width; the short columns fit what they show.
        header = self.items.header()
        header.setStretchLastSection(False)
        for column, fit in enumerate((True, False, False, False, True)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Stretch,
            )
        layout.addWidget(self.items, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)
        self.message = InlineMessage()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.details_button = QPushButton(self.tr("&Details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(self.tr("What exactly is wrong with this file"))
        self.details_button.hide()
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # a parser's words, never markup
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.hide()
        self.details_button.toggled.connect(self.details.setVisible)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.setToolTip(self.tr("Keep the new endorsements and revocations"))
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)
        enter_does(self, self.import_button)

    # -- preview --------------------------------------------------------------------------
    def start(self) -> None:
        wallet, data = self.session.wallet, self.data
        self._running(True)
        self.job = worker.run(
            lambda job: wallet.preview_import(data, progress=job.progress, cancelled=job.cancelled),
            on_success=self._previewed,
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.import_button.setEnabled(not running and self._importable())

    def _importable(self) -> bool:
        return self.preview is not None and not self.preview.is_empty and self.result_ is None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _previewed(self, preview: ImportPreview) -> None:
        self.job = None
        self.preview = preview
        self._running(False)
        names = NameBook(self.session.wallet)
        who = (
            names(preview.presenter) if preview.presenter else self.tr("someone unknown (unsigned)")
        )
        parts = [self.tr("%Ln new", "", len(preview.new))]
        if preview.revocations:
            parts.append(self.tr("%Ln revocations", "", len(preview.revocations)))
        parts.append(self.tr("%Ln already known", "", preview.duplicates))
        if preview.invalid:
            parts.append(self.tr("%Ln refused", "", len(preview.invalid)))
        self.summary.setText(
            self.tr("From <b>{who}</b>: {parts}.").format(who=escaped(who), parts=", ".join(parts))
        )
        self._fill(preview, names)
        if preview.is_empty:
            self.message.note(self.tr("Nothing new to import."))
            self.cancel_button.setText(self.tr("Close"))
        else:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        group = QTreeWidgetItem([self.tr("{title} ({count})").format(title=title, count=count)])
        group.setFirstColumnSpanned(True)
        self.items.addTopLevelItem(group)
        return group

    def _fill(self, preview: ImportPreview, names: NameBook) -> None:
        self.items.clear()
        if preview.new:
            group = self._group(self.tr("New"), len(preview.new))
            for item in preview.new[:SHOWN_ITEMS]:
                row = [
                    "",
                    names(item.issuer),
                    names(item.subject),
                    item.scope,
                    level_words_text(item),
                ]
                group.addChild(QTreeWidgetItem(row))
            if len(preview.new) > SHOWN_ITEMS:
                group.addChild(
                    QTreeWidgetItem(
                        ["", self.tr("… and {value}").format(value=len(preview.new) - SHOWN_ITEMS)]
                    )
                )
            group.setExpanded(True)
        if preview.revocations:
            group = self._group(self.tr("Revocations"), len(preview.revocations))
            for rev in preview.revocations[:SHOWN_ITEMS]:
                group.addChild(QTreeWidgetItem(["", names(rev.issuer), "", "", rev.reason]))
            group.setExpanded(True)
        if preview.invalid:
            group = self._group(self.tr("Refused"), len(preview.invalid))
            for bad in preview.invalid[:SHOWN_ITEMS]:
                child = QTreeWidgetItem([f"#{bad.index + 1}", bad.reason])
                child.setToolTip(1, f"<p>{escaped(bad.reason)}</p>")  # rich: shown as written
                group.addChild(child)
            group.setExpanded(True)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._running(False)
        self.summary.setText(self.tr("Nothing was imported."))
        self.cancel_button.setText(self.tr("Close"))
        self.message.show_exception(exc)
        detail = getattr(exc, "detail", "") if isinstance(exc, InvalidBundle) else ""
        if detail:
            self.details.setText(str(detail))
            self.details_button.show()

    # -- apply ----------------------------------------------------------------------------
    def apply(self) -> None:
        if self.preview is None or not self._importable():
            return
        wallet, preview = self.session.wallet, self.preview
        self._running(True)
        self.import_button.setEnabled(False)
        self.job = worker.run(
            lambda job: wallet.apply_import(
                preview, progress=job.progress, cancelled=job.cancelled
            ),
            on_success=self._applied,
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def _applied(self, result: ImportResult) -> None:
        self.job = None
        self.result_ = result
        self._running(False)
        self.summary.setText(escaped(self.result_text()))
        self.cancel_button.setText(self.tr("Close"))
        self.session.notify_changed()
        self.accept()

    def result_text(self) -> str:
        """What the import did, in words (empty before it ran)."""
        result = self.result_
        if result is None:
            return ""
        parts = [self.tr("%Ln new statements", "", result.added)]
        if result.revocations_applied:
            parts.append(self.tr("%Ln revocations", "", result.revocations_applied))
        if result.duplicates:
            parts.append(self.tr("%Ln already known", "", result.duplicates))
        return self.tr("Imported: {parts}.").format(parts=", ".join(parts))

    def cancel(self) -> None:
        """Stop a running step (the wallet then leaves the store unchanged) or close."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.message.note(self.tr("Stopping…"))
            self.job.finished.connect(self._stopped)
            return
        self.reject()

    def _stopped(self) -> None:
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.message.note(self.tr("Import cancelled; nothing was changed."))
