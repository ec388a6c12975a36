"""`vouch.wallet` loads each name when first used, and gives the same object as its module."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import vouch.wallet as package


@pytest.mark.parametrize("name", package.__all__)
def test_every_name_is_the_object_its_module_defines(name: str) -> None:
    module = importlib.import_module(package._WHERE[name])
    assert getattr(package, name) is getattr(module, name)


def test_the_names_and_the_map_agree() -> None:
    assert sorted(package.__all__) == sorted(package._WHERE) == dir(package)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Walet'"):
        package.Walet  # noqa: B018


def test_importing_the_package_loads_no_store_and_no_crypto() -> None:
    heavy = {"vouch.wallet.facade", "vouch.core.store.db", "nacl", "sqlcipher3"}
    probe = (
        "import sys, vouch.wallet\n"
        f"heavy = {sorted(heavy)!r}\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
        "vouch.wallet.Wallet\n"  # the control: one use loads them
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    before, after = done.stdout.split("\n")[:2]
    assert before == ""
    assert set(after.split()) == {
        "vouch.wallet.facade",
        "vouch.core.store.db",
        "nacl",
        "sqlcipher3",
    }
