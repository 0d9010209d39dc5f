"""The package's shape holds: no import cycles, dependencies one way, and importing it loads no heavy library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "storytrace"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Every storytrace module each module imports, at module level or inside functions (type-only ones too:
    a cycle through TYPE_CHECKING is still two modules that cannot be understood apart)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("storytrace"):
                subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                targets = subs if len(subs) == len(node.names) else subs | {node.module}
            elif isinstance(node, ast.Import):
                targets = {a.name for a in node.names if a.name.startswith("storytrace")}
            else:
                continue
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    """Two modules that import each other cannot be read, tested or moved apart."""
    assert _cycles(_imports(_modules())) == []


def test_analysis_never_imports_linking_and_only_store_speaks_sql():
    """Dependencies point one way: link -> analyze -> clean -> ingest; the product speaks SQL through store/ only
    (a benchmark may open a database read-only to check it from outside, as the tests do)."""
    graph = _imports(_modules())
    for name, targets in graph.items():
        layer = name.split(".")[1] if "." in name else ""
        if layer in ("analyze", "clean", "ingest"):
            assert not any(t.startswith(("storytrace.link", "storytrace.serve", "storytrace.bench")) for t in targets), name
        if layer in ("clean", "ingest"):
            assert not any(t.startswith("storytrace.analyze") for t in targets), name
    for name, path in _modules().items():
        if not name.startswith(("storytrace.store", "storytrace.bench")):
            assert "import sqlite3" not in path.read_text() and "import psycopg" not in path.read_text(), name


def test_importing_the_package_loads_no_model_library():
    """`import storytrace` stays fast: spaCy, torch, lingua, trafilatura and ray load only when a stage needs them."""
    heavy = ("spacy", "torch", "lingua", "trafilatura", "ray", "sentence_transformers", "transformers")
    code = ("import sys, storytrace, storytrace.serve.cli; "
            f"print(','.join(m for m in {heavy!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == ""
