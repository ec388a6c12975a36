"""Write a PNG of each main page of the desktop app to docs/screenshots/.

Runs the real app on a demo wallet made through the facade, in a throwaway folder:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py   (or under xvfb-run)

The main set is in English with the light theme; docs/screenshots/fr-light/ and fr-dark/
show the pages in French in both themes (built from resources/i18n/vouch_fr.ts if its .qm
is not there yet).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from vouch.core.records import Level
from vouch.flows.first_run import PHRASE_CONFIRMED
from vouch.gui.exchange_engine import ExchangeConfig
from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet

LOOPBACK = ["127.0.0.1"]
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSPHRASE = "demo lantern harbour seven"
SIZE = (1100, 700)


def demo_wallets(root: Path) -> Wallet:
    """Me and four people, with endorsements in both directions and one caution."""
    me = Wallet.create(root / "me", PASSPHRASE)
    people = {name: Wallet.create(root / name, PASSPHRASE) for name in ("ana", "bo", "cy", "dana")}
    ana, bo, cy, dana = people.values()
    until = datetime.now(UTC) + timedelta(days=365)
    me.add_contact(ana.did, "Ana Ortiz", verified=True)
    me.add_contact(bo.did, "Bo (neighbour)", verified=True)
    me.add_contact(cy.did, "Cy")
    me.add_contact(dana.did, "Dana, plumber")
    me.endorse(ana.did, "plumbing", Level.STRONGLY, comment="fixed our boiler", valid_until=until)
    me.endorse(ana.did, "code-review/python", Level.COMPLETELY, valid_until=until)
    me.endorse(bo.did, "childcare", Level.MOST_THINGS, valid_until=until)
    me.endorse(bo.did, "gardening", Level.SMALL_THINGS, valid_until=until)
    ana.endorse(dana.did, "plumbing", Level.COMPLETELY, comment="best in town", valid_until=until)
    ana.endorse(cy.did, "plumbing", Level.MOST_THINGS, valid_until=until)
    bo.endorse(dana.did, "plumbing", Level.STRONGLY, valid_until=until)
    ana.caution(cy.did, "plumbing", "Left a leak behind twice and did not come back.")
    ana.endorse(me.did, "cooking", Level.STRONGLY, valid_until=until)
    me.import_data(ana.export_bundle())
    me.import_data(bo.export_bundle())
    me.set_setting(PHRASE_CONFIRMED, "yes")
    for wallet in people.values():
        wallet.lock()
    return me


def grab(widget: QWidget, name: str) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def settle(seconds: float = 0.3) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        settle(0.1)


async def _cancel_others() -> None:
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)


class PeerNearby:
    """Another wallet, visible on the loopback interface and serving syncs, in a thread."""

    def __init__(self, wallet: Wallet) -> None:
        from vouch.exchange.p2p.discovery import Announcer
        from vouch.exchange.p2p.service import SyncServer
        from vouch.wallet.sync import WalletSyncStore

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = SyncServer(WalletSyncStore(wallet), confirm_pairing=lambda _d, _s: True)
        port = self._run(self.server.start("127.0.0.1", 0))
        self.announcer = Announcer(port, addresses=LOOPBACK, interfaces=LOOPBACK, timeout=120)
        self._run(self.announcer.start())

    def _run(self, coro: Coroutine[object, object, int | None]) -> int | None:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    def close(self) -> None:
        self._run(self.announcer.stop())
        self._run(self.server.close())
        self._run(_cancel_others())  # zeroconf's goodbye broadcast may still be pending
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def exchange_demo(window: MainWindow, root: Path) -> None:
    """Visible, a wallet nearby, the pairing code, then the summary of a finished exchange."""
    page = window.exchange_page
    me = window.session.wallet
    fay = Wallet.create(root / "fay", PASSPHRASE)
    fay.endorse(me.did, "cooking", Level.STRONGLY, comment="the best paella")
    fay.endorse(me.did, "bike repair", Level.MOST_THINGS)
    peer = PeerNearby(fay)
    try:
        page.visible_toggle.click()
        wait_for(lambda: page.nearby.count() > 0 and page.my_address.text() != "")
        page.nearby.setCurrentRow(0)
        page.sync_button.click()
        wait_for(lambda: page.pairing_dialog is not None and page.pairing_dialog.isVisible())
        dialog = page.pairing_dialog
        assert dialog is not None
        grab(dialog, "pairing")
        dialog.confirm_button.click()
        wait_for(lambda: "Exchanged with" in page.summary.text())
        settle(1.2)  # let the countdown tick
        grab(window, "exchange")
        page.visible_toggle.click()
    finally:
        peer.close()
        fay.lock()


def translations(root: Path) -> Path:
    """The folder with vouch_fr.qm: the installed one, else one built now from the .ts."""
    from vouch.gui import i18n

    if i18n.has_translation("fr"):
        return Path(str(i18n.translations_dir()))
    folder = root / "i18n"
    folder.mkdir(exist_ok=True)
    source = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "vouch_fr.ts"
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(tool), "-silent", str(source), "-qm", str(folder / "vouch_fr.qm")], check=True
    )
    return folder


def language_set(root: Path, home: Path, language: str, theme: str) -> None:
    """Every page, the Help guide and two dialogs, in `language` with `theme`."""
    from vouch.gui import i18n
    from vouch.gui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    folder = OUT / f"{language}-{theme}"
    folder.mkdir(parents=True, exist_ok=True)
    i18n.install(language, translations(root) if language != "en" else None)
    apply_theme(app, theme)
    window = MainWindow(home)
    window.resize(*SIZE)
    window.show()
    grab(window, f"{folder.name}/unlock")
    window.session.open(Wallet.open(home, PASSPHRASE))
    for index, page in enumerate(window.pages):
        window.show_page(index)
        if page is window.endorse_page:
            page.person.setCurrentIndex(page.person.findText("Dana, plumber"))
            page.scope.setEditText("plumbing")
            settle()
            page.update_preview()
        if page is window.endorsements_page:
            page.view.selectRow(1)
        if page is window.find_page:
            page.query.setEditText("plumbing")
            page.search()
            settle()
        grab(window, f"{folder.name}/{page.key}")
    window.show_export(person=window.session.wallet.contacts()[0].did)
    grab(window.dialogs[-1], f"{folder.name}/export")
    window.dialogs[-1].close()
    window.settings_page.change_passphrase()
    grab(window.settings_page.passphrase_dialog, f"{folder.name}/change-passphrase")
    window.settings_page.passphrase_dialog.close()
    window.show_guide()
    assert window.help_dialog is not None
    grab(window.help_dialog, f"{folder.name}/getting-started")
    window.help_dialog.close()
    window.close()
    i18n.install("en")
    apply_theme(app, "system")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root / "cfg"))
        app = QApplication(sys.argv[:1])
        from vouch.gui.app import configure_application

        configure_application(app)
        first = MainWindow(root / "new")
        first.resize(*SIZE)
        first.show()
        grab(first, "first-run")
        first.close()

        me = demo_wallets(root)
        home = me.home
        me.lock()
        window = MainWindow(home)
        window.exchange_page.engine.config = ExchangeConfig(
            listen_host="127.0.0.1",
            interfaces=LOOPBACK,
            announce_addresses=("127.0.0.1",),
            browse_seconds=1.0,
        )
        window.resize(*SIZE)
        window.show()
        grab(window, "unlock")
        window.session.open(Wallet.open(home, PASSPHRASE))
        for index, page in enumerate(window.pages):
            window.show_page(index)
            if page is window.endorse_page:
                page.person.setCurrentIndex(page.person.findText("Dana, plumber"))
                page.scope.setEditText("plumbing")
                page.comment.setText("came the same day")
                settle()
            if page is window.endorsements_page:
                page.view.selectRow(1)
            if page is window.find_page:
                page.query.setEditText("plumbing")
                page.search()
                settle()
                page.tree.setCurrentItem(page.tree.topLevelItem(1))
            if page is window.exchange_page:
                exchange_demo(window, root)
                continue
            grab(window, page.key)
        window.show_page(window.pages.index(window.people_page))
        window.people_page.list.setCurrentRow(1)
        grab(window, "people")
        window.show_export(person=window.session.wallet.contacts()[0].did)
        grab(window.dialogs[-1], "export")
        window.dialogs[-1].close()
        peer = Wallet.create(root / "eve", PASSPHRASE)
        peer.endorse(window.session.wallet.did, "cooking", Level.MOST_THINGS)
        window.import_data(peer.export_bundle())
        settle()
        dialog = window.dialogs[-1]
        assert isinstance(dialog, QDialog)
        grab(dialog, "import-preview")
        dialog.close()
        window.settings_page.theme_combo.setCurrentIndex(
            window.settings_page.theme_combo.findData("dark")
        )
        window.show_page(window.pages.index(window.find_page))
        grab(window, "find-dark")
        window.settings_page.theme_combo.setCurrentIndex(0)
        window.close()
        for language, theme in (("fr", "light"), ("fr", "dark"), ("en", "dark")):
            language_set(root, home, language, theme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
