"""Typing a recovery phrase: each word is checked as soon as it is typed, and completed from
the BIP39 English list the phrase is made of."""

from __future__ import annotations

from functools import cache

from mnemonic import Mnemonic
from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QWidget

from vouch.flows.first_run import PHRASE_WORDS, normalise_phrase


@cache
def _checker() -> Mnemonic:
    return Mnemonic("english")


def phrase_words() -> list[str]:
    """The 2048 words a recovery phrase is made of."""
    return list(_checker().wordlist)


@cache
def _known() -> frozenset[str]:
    return frozenset(phrase_words())


def unknown_words(text: str, *, finished: bool) -> list[tuple[int, str]]:
    """(position from 1, word) of each word not in the list. Unless `finished`, the word still
    being typed (the last one, with no space after it) is not judged yet."""
    words = normalise_phrase(text).split()
    if words and not finished and not text[-1:].isspace():
        words = words[:-1]
    return [(n, w) for n, w in enumerate(words, 1) if w not in _known()]


def phrase_problem(text: str, *, finished: bool) -> str | None:
    """What is wrong with the phrase typed so far, in words; None when nothing is (yet)."""
    unknown = unknown_words(text, finished=finished)
    if unknown:
        number, word = unknown[0]
        return QCoreApplication.translate(
            "PhraseEdit",
            "Word {number}, “{word}”, is not a recovery-phrase word: check its spelling.",
        ).format(number=number, word=word)
    words = normalise_phrase(text).split()
    if finished and len(words) == PHRASE_WORDS and not _checker().check(" ".join(words)):
        return QCoreApplication.translate(
            "PhraseEdit",
            "These 24 words are all real words, but they do not fit together: one of them is "
            "probably wrong or out of order.",
        )
    return None


class PhraseEdit(QPlainTextEdit):
    """A plain text box that offers the words of the list for the word being typed."""

    problem_changed = Signal(str)  # "" when the words so far are fine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.completer = QCompleter(QStringListModel(phrase_words(), self), self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self.insert_completion)
        self.textChanged.connect(self._check)
        self._problem = ""

    @property
    def problem(self) -> str:
        return self._problem

    def _check(self) -> None:
        problem = phrase_problem(self.toPlainText(), finished=False) or ""
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    def _word_before_cursor(self) -> str:
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return cursor.selectedText()

    def insert_completion(self, word: str) -> None:
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.insertText(word + " ")
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        keys = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape)
        if popup is not None and popup.isVisible() and event.key() in keys:
            event.ignore()  # the popup takes these
            return
        super().keyPressEvent(event)
        prefix = self._word_before_cursor()
        if len(prefix) < 2 or not event.text().strip():
            if popup is not None:
                popup.hide()
            return
        if prefix != self.completer.completionPrefix():
            self.completer.setCompletionPrefix(prefix)
        if popup is not None:
            popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(180)
        self.completer.complete(rect)
