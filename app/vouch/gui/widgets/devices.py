"""Settings › My devices: the devices that hold this wallet, linking one more, rename, forget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import DeviceInfo
from vouch.errors import VouchError
from vouch.exchange.runtime import WormholeServers
from vouch.gui.dialogs.link_device import LinkDeviceDialog
from vouch.gui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole


class DevicesGroup(QGroupBox):
    """The list of my devices with the actions on them."""

    def __init__(
        self,
        session: Session,
        servers: Callable[[], WormholeServers],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("My devices"))
        self.session, self._servers = session, servers
        self.dialog: LinkDeviceDialog | None = None
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([self.tr("Device"), self.tr("Last sync with this one")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("My devices"))
        self.table.setMaximumHeight(140)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        explain = QLabel(
            self.tr(
                "Every device here holds your identity. A sync between two of them carries "
                "everything, private statements and contacts included."
            )
        )
        explain.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Link another de&vice…"))
        self.link_button.clicked.connect(self.link_device)
        self.rename_button = QPushButton(self.tr("Rena&me…"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.forget_button = QPushButton(self.tr("Forg&et…"))
        self.forget_button.clicked.connect(self.forget_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.forget_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._selection_changed()

    def refresh(self) -> None:
        self.table.clear()
        if not self.session.is_unlocked:
            return
        for device in self.session.wallet.devices():
            item = QTreeWidgetItem([self._name(device), self._when(device)])
            item.setData(0, ID_ROLE, device.device_id)
            item.setToolTip(0, device.device_id)
            self.table.addTopLevelItem(item)
        self._selection_changed()

    def _name(self, device: DeviceInfo) -> str:
        return (
            self.tr("{name} (this device)").format(name=device.name)
            if device.this_device
            else device.name
        )

    def _when(self, device: DeviceInfo) -> str:
        if device.this_device:
            return "—"
        if device.last_sync is None:
            return self.tr("never")
        moment = QDateTime.fromSecsSinceEpoch(int(device.last_sync.timestamp()))
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    def _selected(self) -> DeviceInfo | None:
        items = self.table.selectedItems()
        if not items or not self.session.is_unlocked:
            return None
        wanted = items[0].data(0, ID_ROLE)
        return next((d for d in self.session.wallet.devices() if d.device_id == wanted), None)

    def _selection_changed(self) -> None:
        selected = bool(self.table.selectedItems())
        self.rename_button.setEnabled(selected)
        first = self.table.topLevelItem(0)
        is_this = selected and first is not None and self.table.selectedItems()[0] is first
        self.forget_button.setEnabled(selected and not is_this)

    def link_device(self) -> None:
        dialog = self.dialog = LinkDeviceDialog(self.session.wallet, self._servers, self)
        dialog.start()
        dialog.exec()
        if dialog.report is not None:
            self.session.notify_changed()
            self.message.setText(
                self.tr("Linked with {name}.").format(name=dialog.report.other_name)
            )
        self.dialog = None
        self.refresh()

    def rename_selected(self) -> None:
        device = self._selected()
        if device is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename a device"), self.tr("New name:"), text=device.name
        )
        if not ok:
            return
        try:
            self.session.wallet.rename_device(device.device_id, name)
        except VouchError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("")
        self.refresh()

    def forget_selected(self) -> None:
        device = self._selected()
        if device is None or device.this_device:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Forget this device?"),
            self.tr(
                "“{name}” will no longer be listed here. It still holds your identity: if it was "
                "lost or stolen, whoever has it and its passphrase can sign as you. Then recover "
                "your identity on a device you trust (with your guardians or the recovery "
                "phrase), make a new identity, and tell your contacts."
            ).format(name=device.name),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        self.session.wallet.forget_device(device.device_id)
        self.message.setText(self.tr("Forgot {name} on this device.").format(name=device.name))
        self.refresh()
