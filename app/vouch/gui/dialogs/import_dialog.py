"""Import: always a preview first, then the import itself; both off the GUI thread, cancellable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
from vouch.gui.messages import InlineMessage
from vouch.gui.models import NameBook, level_text
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
        self.setWindowTitle("Import endorsements")
        self.resize(620, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel("Checking…")
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # our markup; their words escaped
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Import summary")
        layout.addWidget(self.summary)
        self.items = QTreeWidget()
        self.items.setAccessibleName("What the import contains")
        self.items.setHeaderLabels(["", "From", "About", "Scope", "Level"])
        self.items.setRootIsDecorated(True)
        layout.addWidget(self.items, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        layout.addWidget(self.progress)
        self.message = InlineMessage()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.details_button = QPushButton("&Details")
        self.details_button.setCheckable(True)
        self.details_button.setToolTip("What exactly is wrong with this file")
        self.details_button.hide()
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # a parser's words, never markup
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Details")
        self.details.hide()
        self.details_button.toggled.connect(self.details.setVisible)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setEnabled(False)
        self.import_button.setToolTip("Keep the new endorsements and revocations")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)

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
        who = names(preview.presenter) if preview.presenter else "someone unknown (unsigned)"
        parts = [f"{len(preview.new)} new"]
        if preview.revocations:
            parts.append(f"{len(preview.revocations)} revocation(s)")
        parts.append(f"{preview.duplicates} already known")
        if preview.invalid:
            parts.append(f"{len(preview.invalid)} refused")
        self.summary.setText(f"From <b>{escaped(who)}</b>: " + ", ".join(parts) + ".")
        self._fill(preview, names)
        if preview.is_empty:
            self.message.note("Nothing new to import.")
            self.cancel_button.setText("Close")
        else:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        group = QTreeWidgetItem([f"{title} ({count})"])
        group.setFirstColumnSpanned(True)
        self.items.addTopLevelItem(group)
        return group

    def _fill(self, preview: ImportPreview, names: NameBook) -> None:
        self.items.clear()
        if preview.new:
            group = self._group("New", len(preview.new))
            for item in preview.new[:SHOWN_ITEMS]:
                row = ["", names(item.issuer), names(item.subject), item.scope, level_text(item)]
                group.addChild(QTreeWidgetItem(row))
            if len(preview.new) > SHOWN_ITEMS:
                group.addChild(QTreeWidgetItem(["", f"… and {len(preview.new) - SHOWN_ITEMS}"]))
            group.setExpanded(True)
        if preview.revocations:
            group = self._group("Revocations", len(preview.revocations))
            for rev in preview.revocations[:SHOWN_ITEMS]:
                group.addChild(QTreeWidgetItem(["", names(rev.issuer), "", "", rev.reason]))
            group.setExpanded(True)
        if preview.invalid:
            group = self._group("Refused", len(preview.invalid))
            for bad in preview.invalid[:SHOWN_ITEMS]:
                child = QTreeWidgetItem([f"#{bad.index + 1}", bad.reason])
                child.setToolTip(1, f"<p>{escaped(bad.reason)}</p>")  # rich: shown as written
                group.addChild(child)
            group.setExpanded(True)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._running(False)
        self.summary.setText("Nothing was imported.")
        self.cancel_button.setText("Close")
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
        self.summary.setText(
            f"Imported {result.added} new, {result.revocations_applied} revocation(s); "
            f"{result.duplicates} already known."
        )
        self.cancel_button.setText("Close")
        self.session.notify_changed()
        self.accept()

    def cancel(self) -> None:
        """Stop a running step (the wallet then leaves the store unchanged) or close."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.message.note("Stopping…")
            self.job.finished.connect(self._stopped)
            return
        self.reject()

    def _stopped(self) -> None:
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.message.note("Import cancelled; nothing was changed.")
