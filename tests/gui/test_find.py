"""Find: ranked people for a task, computed off the GUI thread, with paths and cautions."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import make_peer
from pytestqt.qtbot import QtBot

from vouch.core.records import Level
from vouch.gui.main_window import MainWindow
from vouch.gui.widgets.path_graph import layout_paths


def _search(qtbot: QtBot, window: MainWindow, scope: str) -> None:
    page = window.find_page
    page.query.setEditText(scope)
    page.search_button.click()
    assert page.busy.isVisible()
    qtbot.waitUntil(lambda: not page.busy.isVisible())


def test_find_ranks_and_explains(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    wallet = window.session.wallet
    ana, bo, cy = (make_peer(tmp_path / n) for n in ("ana", "bo", "cy"))
    wallet.add_contact(ana.did, "Ana")
    wallet.add_contact(bo.did, "Bo")
    wallet.endorse(ana.did, "plumbing", Level.STRONGLY)
    ana.endorse(bo.did, "plumbing", Level.COMPLETELY)
    ana.caution(cy.did, "plumbing", "Flooded our kitchen and never came back.")
    ana.endorse(cy.did, "plumbing", Level.SMALL_THINGS)
    wallet.import_data(ana.export_bundle())
    window.session.notify_changed()

    window.find_action.trigger()
    page = window.find_page
    assert window.pages_stack.currentWidget() is page
    assert page.query.findText("plumbing") >= 0
    _search(qtbot, window, "plumbing")
    names = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert names[0] == "Ana"
    assert "Bo" in names
    first = page.tree.topLevelItem(0)
    assert first.text(1) == Level.STRONGLY.words
    assert first.text(2) == "I endorsed them"

    bo_item = page.tree.topLevelItem(names.index("Bo"))
    assert bo_item.childCount() >= 1
    assert bo_item.child(0).text(0) == "Me → Ana → Bo"
    page.tree.setCurrentItem(bo_item.child(0))  # a path row explains its person
    assert "Why Bo" in page.explain_title.text()
    assert page.graph.accessibleDescription() == "Me → Ana → Bo"
    assert not page.cautions.isVisible()

    cy_index = [r.did for r in page.results].index(cy.did)
    cy_item = page.tree.topLevelItem(cy_index)
    assert cy_item.toolTip(0) in (
        "1 caution",
        "1 cautions",
    )  # "1 caution" once the English plural forms are built
    page.tree.setCurrentItem(cy_item)
    assert page.cautions.isVisible()
    assert page.cautions.item(0).text() == (
        "⚠ Ana cautions about " + cy_item.text(0) + " for plumbing: "
        "Flooded our kitchen and never came back."
    )


def test_find_with_nobody_and_without_a_task(qtbot: QtBot, window: MainWindow) -> None:
    window.show_find()
    page = window.find_page
    page.search_button.click()
    assert page.message.text() == "Type a task to search for."
    _search(qtbot, window, "astronomy")
    assert page.tree.topLevelItemCount() == 0
    assert page.message.text().startswith("Nobody")


def test_path_layout_puts_me_left_and_them_right() -> None:
    from vouch.trust.results import PathStep, TrustPath

    me, a, b, t = "did:me", "did:a", "did:b", "did:t"
    paths = (
        TrustPath(
            (PathStep(me, a, "x", Level.STRONGLY, "1"), PathStep(a, t, "x", Level.STRONGLY, "2")),
            0.5,
        ),
        TrustPath(
            (
                PathStep(me, b, "x", Level.COMPLETELY, "3"),
                PathStep(b, a, "x", Level.MOST_THINGS, "4"),
                PathStep(a, t, "x", Level.STRONGLY, "2"),
            ),
            0.3,
        ),
    )
    layout = layout_paths(paths)
    assert layout.columns[0] == [me]
    assert layout.columns[-1] == [t]
    assert sorted(layout.edges) == sorted(
        [(me, a, "strongly"), (a, t, "strongly"), (me, b, "completely"), (b, a, "for most things")]
    )


def test_find_by_the_word_completes_tasks_and_says_did_you_mean(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    wallet = window.session.wallet
    dana = make_peer(tmp_path / "dana")
    wallet.add_contact(dana.did, "Dana")
    wallet.endorse(dana.did, "home/plumbing", Level.STRONGLY)
    window.session.notify_changed()
    window.find_action.trigger()
    page = window.find_page
    completer = page.query.completer()
    completer.setCompletionPrefix("plumb")  # any part of a task, not only its start
    assert completer.currentCompletion() == "home/plumbing"
    _search(qtbot, window, "plumbing")
    assert [r.did for r in page.results] == [dana.did]
    assert page.results[0].scope == "home/plumbing"
    _search(qtbot, window, "pluming")
    assert page.results == []
    assert "Did you mean “home/plumbing”?" in page.message.text()
