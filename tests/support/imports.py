"""The import graph of the `vouch` package, read from the source with `ast` (nothing is run).

Every `import` and `from ... import` is seen, at module level and inside functions; relative
imports are resolved, and `from package import module` points at the module. The layer checks
(tests/unit/test_layers.py) and the Qt boundary (tests/unit/test_boundaries.py) read it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
PACKAGE = APP / "vouch"
IMPORT, CALL, TYPING = "import", "call", "typing"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "vouch.gui.app"
    target: str  # the module imported, e.g. "vouch.wallet" or "PySide6.QtCore"
    name: str  # the name taken from `target` by `from target import name`; "" for a module
    file: str  # the importing file, relative to the folder that holds the package
    line: int
    when: str  # IMPORT (at module level), CALL (inside a function) or TYPING (type checks only)

    def __str__(self) -> str:
        what = f"from {self.target} import {self.name}" if self.name else f"import {self.target}"
        return f"{self.file}:{self.line} {what}"


def module_name(path: Path, root: Path = APP) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (packages by their own name)."""
    root = package.parent
    return {module_name(p, root): p for p in sorted(package.rglob("*.py"))}


def is_within(module: str, package: str) -> bool:
    """`module` is `package` itself or lies under it."""
    return module == package or module.startswith(package + ".")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Collector(ast.NodeVisitor):
    def __init__(self, source: str, is_package: bool, file: str, known: Iterable[str]) -> None:
        self.source = source
        self.here = source if is_package else source.rpartition(".")[0]
        self.file = file
        self.known = set(known)
        self.found: list[Import] = []
        self._when = IMPORT

    def _add(self, target: str, name: str, line: int) -> None:
        self.found.append(Import(self.source, target, name, self.file, line, self._when))

    def _inside(self, when: str, nodes: Iterable[ast.AST]) -> None:
        outer = self._when
        if outer != TYPING:
            self._when = when
        for node in nodes:
            self.visit(node)
        self._when = outer

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        self._inside(CALL, ast.iter_child_nodes(node))

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function
    visit_Lambda = _function

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        self.visit(node.test)
        self._inside(TYPING, node.body)
        for child in node.orelse:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, "", node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.here.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1])
            module = f"{base}.{node.module}" if node.module else base
        else:
            module = node.module or ""
        for alias in node.names:
            submodule = f"{module}.{alias.name}"
            if submodule in self.known:
                self._add(submodule, "", node.lineno)
            else:
                self._add(module, alias.name, node.lineno)


def imports_in(path: Path, root: Path = APP, known: Iterable[str] = ()) -> list[Import]:
    """Every import in the file at `path` (a module under `root`), in source order."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    source = module_name(path, root)
    file = path.relative_to(root).as_posix()
    collector = _Collector(source, path.name == "__init__.py", file, known)
    collector.visit(tree)
    return sorted(collector.found, key=lambda i: i.line)


def package_imports(package: Path = PACKAGE) -> list[Import]:
    """Every import in every module of the package."""
    modules = package_modules(package)
    found: list[Import] = []
    for path in modules.values():
        found += imports_in(path, package.parent, modules)
    return found


def import_graph(
    imports: Iterable[Import], modules: Iterable[str], when: Iterable[str] = (IMPORT, CALL)
) -> dict[str, set[str]]:
    """Which package modules each module loads, through the imports that run at the given times.

    Importing `a.b.c` also runs `a/__init__` and `a/b/__init__`; those are edges too, except
    for the packages the importing module itself lies in (they are always loaded first)."""
    known = set(modules)
    times = set(when)
    graph: dict[str, set[str]] = {m: set() for m in known}
    for imp in imports:
        if imp.when not in times or imp.target not in known:
            continue
        parts = imp.target.split(".")
        for depth in range(1, len(parts) + 1):
            reached = ".".join(parts[:depth])
            if reached in known and reached != imp.source and not is_within(imp.source, reached):
                graph[imp.source].add(reached)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle (as a closed chain `a, b, ..., a`) for each strongly connected group."""
    found: list[list[str]] = []
    for group in _strongly_connected(graph):
        if len(group) == 1:
            (only,) = group
            if only not in graph[only]:
                continue
        start = min(group)
        found.append(_shortest_cycle(graph, group, start))
    return sorted(found)


def _strongly_connected(graph: dict[str, set[str]]) -> Iterator[set[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group: set[str] = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    yield group
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])


def _shortest_cycle(graph: dict[str, set[str]], group: set[str], start: str) -> list[str]:
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(graph[node] & group):
                if child == start:
                    chain = [node]
                    while chain[-1] != start:
                        chain.append(came_from[chain[-1]])
                    return [start, *reversed(chain[:-1]), start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no cycle through {start}")
