"""The layers of docs/ARCHITECTURE.md: which package may import which, and no import cycles.

The rules are data (`LAYERS`, `FORBIDDEN`); the imports are read from the source with `ast`,
at module level and inside functions alike (a deferred import is still a dependency).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.imports import (
    CALL,
    IMPORT,
    PACKAGE,
    TYPING,
    Import,
    cycles,
    import_graph,
    imports_in,
    is_within,
    package_imports,
    package_modules,
)

# Layer -> what its modules may import besides their own layer. A layer is a module or a
# package written `pkg.*` (the package and everything under it); a module belongs to the most
# specific layer that covers it. Allowed targets use the same notation, and `module:name`
# allows only that name from the module.
LAYERS: dict[str, tuple[str, ...]] = {
    "vouch": (),
    "vouch.__main__": ("vouch.gui.app",),
    "vouch.core.*": (),
    "vouch.trust.*": ("vouch.core.*",),
    "vouch.exchange.*": ("vouch.core.*",),
    "vouch.exchange.p2p.*": ("vouch.core.*", "vouch.exchange.*"),
    "vouch.exchange.runtime.*": ("vouch.core.*", "vouch.exchange.*"),
    "vouch.unlock.*": ("vouch.core.*",),
    "vouch.flows.*": ("vouch.core.*",),
    "vouch.links": ("vouch.core.*",),
    "vouch.errors": (
        "vouch.core.errors",
        "vouch.core.recovery.errors",
        "vouch.exchange.p2p.errors",
        "vouch.unlock.base",
    ),
    "vouch.wallet.*": ("vouch.core.*", "vouch.trust.*", "vouch.exchange.*", "vouch.unlock.*"),
    "vouch.cli.*": (
        "vouch",
        "vouch.wallet",
        "vouch.wallet.linking",
        "vouch.errors",
        "vouch.core.records",
        "vouch.core.identity:short_did",
        "vouch.core.scopes:normalise_scope",
        "vouch.core.process:disable_core_dumps",
        "vouch.trust.results",
        "vouch.exchange.runtime",
        "vouch.exchange.runtime.records",
    ),
    "vouch.gui.*": (
        "vouch",
        "vouch.wallet",
        "vouch.wallet.linking",
        "vouch.flows.*",
        "vouch.errors",
        "vouch.links",
        "vouch.exchange.runtime",
        "vouch.exchange.runtime.records",
        "vouch.core.records",
        "vouch.core.identity:short_did",
        "vouch.core.scopes:normalise_scope",
        "vouch.core.process:disable_core_dumps",
        "vouch.trust.results",
        "vouch.resources",  # icons and translations: data, no code
    ),
}

# Never, whatever LAYERS allows: the front ends reach the store and the network through the
# facade and the exchange runtime only, and the p2p layer does not reach up to the runtime.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "vouch.exchange.p2p.*": ("vouch.exchange.runtime.*",),
    "vouch.gui.*": ("vouch.core.store.*", "vouch.exchange.p2p.*", "vouch.exchange.wormhole.*"),
    "vouch.cli.*": ("vouch.core.store.*", "vouch.exchange.p2p.*", "vouch.exchange.wormhole.*"),
}

# Imports that break the rules today while code moves to its layer, as "file -> module".
# Each one goes when its move lands; a stale entry fails `test_pending_moves_are_still_pending`.
PENDING_MOVES: frozenset[str] = frozenset({})


def pending_key(imp: Import) -> str:
    return f"{imp.file} -> {imp.target}"


def _base(pattern: str) -> str:
    return pattern.removesuffix(".*")


def _covers(pattern: str, module: str) -> bool:
    return is_within(module, _base(pattern)) if pattern.endswith(".*") else module == pattern


def _allows(pattern: str, imp: Import) -> bool:
    module, _, name = pattern.partition(":")
    return _covers(module, imp.target) and (not name or name == imp.name)


def layer_of(module: str, layers: dict[str, tuple[str, ...]] = LAYERS) -> str | None:
    """The most specific layer that covers `module`."""
    covering = [layer for layer in layers if _covers(layer, module)]
    return max(covering, key=lambda layer: _base(layer).count("."), default=None)


def violations(
    imports: list[Import],
    layers: dict[str, tuple[str, ...]] = LAYERS,
    forbidden: dict[str, tuple[str, ...]] = FORBIDDEN,
) -> list[Import]:
    """Each import of a `vouch` module that the importing module's layer does not allow."""
    found: list[Import] = []
    for imp in imports:
        if not is_within(imp.target, "vouch"):
            continue
        layer = layer_of(imp.source, layers)
        banned = any(_allows(p, imp) for p in forbidden.get(layer or "", ()))
        allowed = layer is not None and (
            layer_of(imp.target, layers) == layer or any(_allows(p, imp) for p in layers[layer])
        )
        if banned or not allowed:
            found.append(imp)
    return found


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return package_imports()


def test_every_module_has_a_layer() -> None:
    assert [m for m in package_modules() if layer_of(m) is None] == []


def test_the_walk_reads_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / "vouch"
    (package / "gui").mkdir(parents=True)
    for init in (package / "__init__.py", package / "gui" / "__init__.py"):
        init.write_text("")
    probe = package / "gui" / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "import vouch.core.store.db as db\n"
        "from . import other\n"
        "from .. import links, __version__\n"
        "from vouch.exchange.p2p.discovery import browse, Announcer\n"
        "if TYPE_CHECKING:\n"
        "    from vouch.wallet.core import WalletCore\n"
        "def later():\n"
        "    from vouch.core.store import queries\n"
    )
    found = imports_in(probe, tmp_path, {"vouch.gui.other", "vouch.links"})
    assert [(str(i), i.when) for i in found if i.target.startswith("vouch")] == [
        ("vouch/gui/probe.py:2 import vouch.core.store.db", IMPORT),
        ("vouch/gui/probe.py:3 import vouch.gui.other", IMPORT),
        ("vouch/gui/probe.py:4 import vouch.links", IMPORT),
        ("vouch/gui/probe.py:4 from vouch import __version__", IMPORT),
        ("vouch/gui/probe.py:5 from vouch.exchange.p2p.discovery import browse", IMPORT),
        ("vouch/gui/probe.py:5 from vouch.exchange.p2p.discovery import Announcer", IMPORT),
        ("vouch/gui/probe.py:7 from vouch.wallet.core import WalletCore", TYPING),
        ("vouch/gui/probe.py:9 from vouch.core.store import queries", CALL),
    ]
    assert [str(v) for v in violations(found)] == [
        "vouch/gui/probe.py:2 import vouch.core.store.db",
        "vouch/gui/probe.py:5 from vouch.exchange.p2p.discovery import browse",
        "vouch/gui/probe.py:5 from vouch.exchange.p2p.discovery import Announcer",
        "vouch/gui/probe.py:7 from vouch.wallet.core import WalletCore",
        "vouch/gui/probe.py:9 from vouch.core.store import queries",
    ]


def _imp(source: str, target: str, name: str = "") -> Import:
    return Import(source, target, name, "f.py", 1, IMPORT)


def test_the_rules_read_as_intended() -> None:
    assert layer_of("vouch.exchange.p2p.session") == "vouch.exchange.p2p.*"
    assert layer_of("vouch.exchange.bundle") == "vouch.exchange.*"
    assert layer_of("vouch.gui") == "vouch.gui.*"
    fine = [
        _imp("vouch.exchange.p2p.store", "vouch.exchange.bundle"),  # down
        _imp("vouch.wallet.sync", "vouch.exchange.p2p.store"),  # down
        _imp("vouch.gui.models", "vouch.core.identity", "short_did"),  # the one name allowed
        _imp("vouch.gui.pages.me", "vouch.gui.widgets.qr"),  # inside its layer
    ]
    wrong = [
        _imp("vouch.exchange.bundle", "vouch.exchange.p2p.store"),  # up
        _imp("vouch.core.records", "vouch.trust.results"),  # up
        _imp("vouch.gui.models", "vouch.core.identity", "Identity"),  # keys in the GUI
        _imp("vouch.gui.models", "vouch.wallet.core"),  # past the facade
        _imp("vouch.cli.main", "vouch.gui.app"),  # sideways
        _imp("vouch.exchange.p2p.service", "vouch.exchange.runtime.engine"),  # up
    ]
    assert violations(fine + wrong) == wrong


def test_forbidden_wins_over_allowed() -> None:
    loose = {**LAYERS, "vouch.gui.*": ("vouch.core.*",)}
    banned = {"vouch.gui.*": ("vouch.core.store.*",)}
    store, records = (_imp("vouch.gui.x", t) for t in ("vouch.core.store.db", "vouch.core.records"))
    assert violations([store, records], loose, banned) == [store]
    assert violations([store], loose, {}) == []


def test_imports_follow_the_layers(imports: list[Import]) -> None:
    wrong = [str(v) for v in violations(imports) if pending_key(v) not in PENDING_MOVES]
    assert wrong == [], "imports against the layers (see LAYERS):\n" + "\n".join(wrong)


def test_pending_moves_are_still_pending(imports: list[Import]) -> None:
    done = sorted(PENDING_MOVES - {pending_key(v) for v in violations(imports)})
    assert done == [], "no longer there, drop from PENDING_MOVES:\n" + "\n".join(done)


def test_no_import_cycles(imports: list[Import]) -> None:
    """Counting imports inside functions too: a deferred import that closes a loop only hides
    it. Imports for type checks alone (`if TYPE_CHECKING:`) never run and are left out."""
    graph = import_graph(imports, package_modules(), when=(IMPORT, CALL))
    found = [" -> ".join(chain) for chain in cycles(graph)]
    assert found == [], "import cycles:\n" + "\n".join(found)


def test_the_cycle_finder_reports_the_chain() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "e"]]


def test_importing_a_submodule_runs_its_packages() -> None:
    found = [
        Import("vouch.gui.app", "vouch.wallet.sync", "", "f.py", 1, IMPORT),
        Import("vouch.wallet.sync", "vouch.wallet.core", "", "f.py", 1, IMPORT),
    ]
    modules = ["vouch", "vouch.gui", "vouch.gui.app", "vouch.wallet", "vouch.wallet.sync"]
    graph = import_graph(found, [*modules, "vouch.wallet.core"])
    assert graph["vouch.gui.app"] == {"vouch.wallet", "vouch.wallet.sync"}
    assert graph["vouch.wallet.sync"] == {"vouch.wallet.core"}  # not its own package


def test_the_package_is_where_the_tests_expect() -> None:
    assert (PACKAGE / "wallet" / "facade.py").is_file()


# What every page may import from its own package: the package, the base class, and the catalog
# that names the pages (it imports none of them).
PAGE_SHARED = ("vouch.gui.pages", "vouch.gui.pages.base", "vouch.gui.pages.catalog")


def test_gui_pages_do_not_import_each_other_or_the_shell(imports: list[Import]) -> None:
    """A page depends on `pages.base`, dialogs, widgets and the layers below, never on another
    page or on the window and app that hold it (they hand it what it needs)."""
    shell = ("vouch.gui.app", "vouch.gui.main_window")
    wrong = [
        str(imp)
        for imp in imports
        if imp.when != TYPING
        and is_within(imp.source, "vouch.gui")
        and imp.source not in shell
        and (
            imp.target in shell
            or (
                is_within(imp.source, "vouch.gui.pages")
                and is_within(imp.target, "vouch.gui.pages")
                and imp.target not in (*PAGE_SHARED, imp.source)
            )
        )
    ]
    assert wrong == [], "\n".join(wrong)
