"""Linking a second device through the real dialogs and real local wormhole servers.

Both devices run in this process: the existing one's "Link another device" dialog (from My
devices) and the new one's "Link to my other device" dialog, each running its link in a job.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, open_window
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from support.wormhole_servers import LocalServers, local_wormhole_servers
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange.runtime import WormholeServers
from vouch.gui.dialogs.link_device import JoinDeviceDialog, LinkDeviceDialog
from vouch.gui.main_window import MainWindow
from vouch.gui.widgets.devices import DevicesGroup
from vouch.wallet import Wallet

WAIT = 30_000


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


def start_both(
    qtbot: QtBot, window: MainWindow, servers: LocalServers, new_home: Path
) -> tuple[LinkDeviceDialog, JoinDeviceDialog]:
    where = WormholeServers(servers.mailbox, servers.transit)
    offer = LinkDeviceDialog(window.session.wallet, lambda: where)
    qtbot.addWidget(offer)
    offer.start()
    offer.show()
    qtbot.waitUntil(lambda: offer.copy.isEnabled(), timeout=WAIT)
    join = JoinDeviceDialog(new_home, lambda: where)
    qtbot.addWidget(join)
    join.show()
    join.code.setText(offer.code.text())
    join.passphrase.setText(PASSPHRASE)
    join.repeat.setText(PASSPHRASE)
    join.link_button.click()
    qtbot.waitUntil(lambda: offer.match.isVisible() and join.safety.isVisible(), timeout=WAIT)
    return offer, join


def test_link_a_new_device_through_the_dialogs(
    qtbot: QtBot, window: MainWindow, servers: LocalServers, tmp_path: Path
) -> None:
    wallet = window.session.wallet
    dana = Identity.generate().did
    wallet.add_contact(dana, "Dana", verified=True)
    wallet.endorse(dana, "plumbing", Level.STRONGLY)
    offer, join = start_both(qtbot, window, servers, tmp_path / "new")

    assert join.safety.text() == offer.safety.text()  # one safety code on both screens
    assert join.safety.text().startswith("Safety code: ")
    assert not Wallet.exists(tmp_path / "new")  # nothing before the person says they match
    offer.match.click()
    qtbot.waitUntil(lambda: join.report is not None and offer.report is not None, timeout=WAIT)

    assert join.result() == JoinDeviceDialog.DialogCode.Accepted
    assert "Linked with" in offer.status.text()
    with Wallet.open(tmp_path / "new", PASSPHRASE) as new:
        assert new.did == wallet.did
        assert new.contact(dana).petname == "Dana"
        assert [e.scope for e in new.endorsements()] == ["plumbing"]


def test_they_differ_sends_nothing_and_says_so(
    qtbot: QtBot, window: MainWindow, servers: LocalServers, tmp_path: Path
) -> None:
    offer, join = start_both(qtbot, window, servers, tmp_path / "new")
    offer.differ.click()
    qtbot.waitUntil(lambda: join.link_button.isEnabled(), timeout=WAIT)
    assert "did not confirm" in join.status.text()
    assert not Wallet.exists(tmp_path / "new")
    assert join.result() != JoinDeviceDialog.DialogCode.Accepted


def test_join_checks_the_passphrase_before_contacting_anyone(qtbot: QtBot, tmp_path: Path) -> None:
    unreachable = WormholeServers("ws://127.0.0.1:9/v1", "tcp:127.0.0.1:9")
    join = JoinDeviceDialog(tmp_path / "new", lambda: unreachable)
    qtbot.addWidget(join)
    join.code.setText("5-ragtime-crusade-tonic")
    join.passphrase.setText("short")
    join.repeat.setText("short")
    join.link_button.click()
    assert join.job is None and join.code.isEnabled()
    assert join.status.text()
    join.passphrase.setText(PASSPHRASE)
    join.link_button.click()
    assert "differ" in join.status.text() and join.job is None


def test_my_devices_lists_rename_and_forget(
    qtbot: QtBot,
    window: MainWindow,
    servers: LocalServers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    where = WormholeServers(servers.mailbox, servers.transit)
    group = DevicesGroup(window.session, lambda: where)
    qtbot.addWidget(group)
    group.refresh()
    assert group.table.topLevelItemCount() == 1
    assert "(this device)" in group.table.topLevelItem(0).text(0)
    offer, join = start_both(qtbot, window, servers, tmp_path / "new")
    offer.match.click()
    qtbot.waitUntil(lambda: join.report is not None and offer.report is not None, timeout=WAIT)
    group.refresh()
    assert group.table.topLevelItemCount() == 2
    group.table.setCurrentItem(group.table.topLevelItem(0))
    assert not group.forget_button.isEnabled()  # this device cannot forget itself
    group.table.setCurrentItem(group.table.topLevelItem(1))
    assert group.forget_button.isEnabled()
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *_a, **_k: ("Desk", True))
    group.rename_selected()
    assert group.table.topLevelItem(1).text(0) == "Desk"
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Cancel
    )
    group.table.setCurrentItem(group.table.topLevelItem(1))
    group.forget_selected()
    assert group.table.topLevelItemCount() == 2  # cancelled: still there
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    group.table.setCurrentItem(group.table.topLevelItem(1))
    group.forget_selected()
    assert group.table.topLevelItemCount() == 1
    assert "Forgot Desk" in group.message.text()


def test_first_run_links_this_device_and_opens_the_wallet(
    qtbot: QtBot,
    window: MainWindow,
    servers: LocalServers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first-run button on a new device, the Settings group on the existing one."""
    monkeypatch.setenv("VOUCH_MAILBOX", servers.mailbox)
    monkeypatch.setenv("VOUCH_TRANSIT", servers.transit)
    existing = window.session.wallet
    existing.add_contact(Identity.generate().did, "Dana")
    settings = window.settings_page
    window.show_page(window.pages.index(settings))
    assert settings.devices.table.topLevelItemCount() == 1
    offer = LinkDeviceDialog(existing, lambda: WormholeServers(servers.mailbox, servers.transit))
    qtbot.addWidget(offer)
    offer.start()
    offer.show()
    qtbot.waitUntil(lambda: offer.copy.isEnabled(), timeout=WAIT)

    new_home = tmp_path / "second"
    second = open_window(qtbot, new_home)
    page = second.first_run
    assert page.link_button.text().replace("&", "") == "Link to my other device…"
    page.link_button.click()
    join = page.link_dialog
    assert join is not None and join.isVisible()
    join.code.setText(offer.code.text())
    join.passphrase.setText(PASSPHRASE)
    join.repeat.setText(PASSPHRASE)
    join.link_button.click()
    qtbot.waitUntil(lambda: offer.match.isVisible(), timeout=WAIT)
    offer.match.click()
    qtbot.waitUntil(lambda: second.session.is_unlocked, timeout=WAIT)

    assert second.session.wallet.did == existing.did
    assert [c.petname for c in second.session.wallet.contacts()] == ["Dana"]
    settings.refresh()
    assert settings.devices.table.topLevelItemCount() == 2
    second.close()
