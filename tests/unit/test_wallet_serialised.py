"""Every use case of the facade runs under the wallet's one lock (see `wallet.core.serialised`)."""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable

import pytest

from vouch.core import credentials as creds
from vouch.core.errors import WalletLocked
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet

MakeWallet = Callable[..., Wallet]
# Their checks need no store and run unlocked; the part that reads the store is serialised.
CHECKS_FIRST = {"preview_import", "preview_documents"}
# It only builds a runtime; every store call the runtime makes is a use case of its own.
NO_STORE = {"exchange"}


def public_methods() -> dict[str, object]:
    found: dict[str, object] = {}
    for name in dir(Wallet):
        if name.startswith("_"):
            continue
        raw = inspect.getattr_static(Wallet, name)
        if isinstance(raw, staticmethod | classmethod | property):
            continue
        if callable(raw):
            found[name] = raw
    return found


def test_every_public_use_case_takes_the_lock() -> None:
    methods = public_methods()
    assert {"endorse", "apply_import", "find", "lock", "contacts", "set_setting"} <= set(methods)
    unguarded = sorted(
        name
        for name, method in methods.items()
        if name not in CHECKS_FIRST | NO_STORE and not getattr(method, "__serialised__", False)
    )
    assert unguarded == [], "decorate them with vouch.wallet.core.serialised"
    assert getattr(inspect.getattr_static(Wallet, "_preview"), "__serialised__", False)


def test_locking_waits_for_a_running_import(new_wallet: MakeWallet) -> None:
    me = new_wallet("me")
    issuer = Identity.generate()
    documents = [
        creds.sign_statement(
            creds.unsigned_statement(issuer.did, Identity.generate().did, "x", level=Level(2)),
            issuer,
        )
        for _ in range(5)
    ]
    preview = me.preview_import(bundles.encode_bundle(issuer, documents))
    running = threading.Event()
    outcome: list[object] = []

    def slow(_done: int, _total: int) -> None:
        running.set()
        time.sleep(0.3)

    def run() -> None:
        outcome.append(me.apply_import(preview, progress=slow).added)

    worker = threading.Thread(target=run)
    worker.start()
    running.wait(timeout=10)
    me.lock()  # waits: the import is one transaction, it ends before the store closes
    worker.join(timeout=10)
    assert outcome == [5]
    with pytest.raises(WalletLocked):
        me.count_endorsements()
