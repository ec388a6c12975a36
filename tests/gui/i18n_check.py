"""Finding GUI text that is not marked for translation, by reading the source with `ast`.

A string literal (or f-string) with letters in it, passed where the user will read it (a
label's text, a tooltip, a window title, a message, a form row, a combo item, …) must come
from `self.tr(...)`, `QCoreApplication.translate(...)` or one of the app's own translating
helpers; anything else is reported with its file and line.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# Methods whose string arguments are shown: name -> positions of the shown arguments
# (None: every positional argument).
SHOWN_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setWindowTitle": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setLabelText": (0,),
    "setOkButtonText": (0,),
    "setCancelButtonText": (0,),
    "setTitle": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "addRow": (0,),
    "addItem": (0,),
    "addItems": (0,),
    "insertItem": (1,),
    "addTab": (1,),
    "addMenu": (0,),
    "addButton": (0,),
    "showMessage": (0,),
    "error": (0,),
    "note": (0,),
    "success": (0,),
    "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getOpenFileName": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "confirm": (1, 2, 3),
    "info": (1, 2),
    "show_error": (2,),
    "emit": None,
    "_action": (0, 3),
    "_choose_folder": (0,),
    "_show_hidden": (0,),
    "show_exception": (0,),
}
SHOWN_CONSTRUCTORS: dict[str, tuple[int, ...] | None] = {
    "QLabel": (0,),
    "QPushButton": None,
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": None,
    "QMessageBox": (1, 2),
    "QListWidgetItem": None,
    "QTreeWidgetItem": (0,),
    "QTableWidgetItem": (0,),
    "MutedLabel": (0,),
    "muted": (0,),
    "heading": (0,),
    "_card": (0, 1),
    "_copy_button": (0,),
    "busy_bar": (0,),
    "DocumentView": (0,),
    "NewPassphraseFields": (0, 1),
}
TRANSLATING = {"tr", "translate", "flow_text", "QT_TRANSLATE_NOOP", "level_words"}
# Literal text that is not in any language: example identifiers, addresses, symbols.
NOT_WORDS = {"did:key:z6Mk…", "…", "✓", "✗"}


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _has_words(text: str) -> bool:
    bare = re.sub(r"<[^>]*>", "", text)  # markup alone is not words
    return bare.strip() not in NOT_WORDS and any(c.isalpha() for c in bare)


def _literal_text(node: ast.expr) -> str | None:
    """The literal words in `node` when it is text not passed through a translation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        joined = "".join(str(p) for p in parts)
        return joined if _has_words(joined) else None
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            found = _literal_text(element)
            if found:
                return found
        return None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "replace", "join", "strip", "rstrip")
    ):
        return _literal_text(node.func.value)
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def unmarked_in(path: Path, root: Path) -> list[Unmarked]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Unmarked] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in TRANSLATING:
            continue
        if isinstance(node.func, ast.Attribute) and name in SHOWN_METHODS:
            positions = SHOWN_METHODS[name]
        elif name in SHOWN_CONSTRUCTORS:
            positions = SHOWN_CONSTRUCTORS[name]
        else:
            continue
        args = list(node.args)
        chosen = args if positions is None else [args[i] for i in positions if i < len(args)]
        for arg in chosen:
            text = _literal_text(arg)
            if text:
                found.append(Unmarked(path.relative_to(root), arg.lineno, text))
    return found


def unmarked(folder: Path, root: Path, skip: frozenset[str] = frozenset()) -> list[Unmarked]:
    result: list[Unmarked] = []
    for path in sorted(folder.rglob("*.py")):
        if str(path.relative_to(root)) in skip:
            continue
        result += unmarked_in(path, root)
    return result
