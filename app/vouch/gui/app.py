"""Starting the desktop app: `vouch-gui [--wallet DIR] [FILE.vouch]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

import vouch
from vouch.gui.dialogs import crash
from vouch.gui.icons import app_icon
from vouch.gui.os_unlock import install_platform_hook
from vouch.gui.theme import apply_theme
from vouch.wallet import default_home

ORGANISATION = "Vouch"
APPLICATION = "Vouch"
HOME_KEY = "wallet/home"
THEME_KEY = "appearance/theme"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vouch-gui", description="Vouch, your trust wallet.")
    parser.add_argument("--wallet", type=Path, metavar="DIR", help="the wallet folder to use")
    parser.add_argument("file", nargs="?", type=Path, help="a .vouch file to preview and import")
    return parser.parse_args(list(argv))


def configure_application(app: QApplication) -> None:
    """Names (for QSettings and the desktop), the icon and the chosen theme."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(vouch.__version__)
    QApplication.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("vouch")
    app.setWindowIcon(app_icon())
    apply_theme(app, str(QSettings().value(THEME_KEY, "system")))


def wallet_home(arg: Path | None) -> Path:
    """The --wallet folder, else the one chosen in Settings, else the default."""
    if arg is not None:
        return arg.expanduser()
    stored = QSettings().value(HOME_KEY, "")
    return Path(str(stored)) if stored else default_home()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    crash.install()
    install_platform_hook()
    from vouch.gui.main_window import MainWindow

    window = MainWindow(wallet_home(args.wallet))
    window.show()
    if args.file is not None:
        window.import_file(args.file)
    return app.exec()
