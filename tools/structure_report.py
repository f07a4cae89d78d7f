"""The structure figures issue 16 asks for: the import graph, the largest modules and classes of ``cdss``.

    python tools/structure_report.py [TREE]      # TREE: a checkout (default: this one), e.g. from `git archive REV`

Counts come from the source's syntax tree (imports of cdss modules, classes and their methods), so two revisions can
be compared without installing either.
"""

from __future__ import annotations

import ast
import collections
import sys
from pathlib import Path

# the records' private modules, by their names now and in older trees (service_rows before it was split)
RECORDS_INTERNALS = ("cdss.records.models", "cdss.records.rows", "cdss.records.record_values",
                     "cdss.records.record_writer", "cdss.records.service_rows")


def package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def main(root: Path) -> None:
    modules = {".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): p
               for p in (root / "cdss").rglob("*.py")}
    edges: set[tuple[str, str]] = set()
    lines: dict[str, int] = {}
    classes: list[tuple[int, str]] = []
    for name, path in modules.items():
        source = path.read_text(encoding="utf-8")
        lines[name] = source.count("\n")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cdss"):
                edges.add((name, node.module))
            elif isinstance(node, ast.Import):
                edges.update((name, alias.name) for alias in node.names if alias.name.startswith("cdss"))
            elif isinstance(node, ast.ClassDef):
                methods = sum(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in node.body)
                classes.append((methods, f"{name}.{node.name}"))
    crossing = collections.Counter((package_of(a), package_of(b)) for a, b in edges if package_of(a) != package_of(b))
    internals = sorted((a, b) for a, b in edges if b in RECORDS_INTERNALS and not a.startswith("cdss.records"))
    print(f"modules {len(modules)}, import edges {len(edges)}, cross-package edges {sum(crossing.values())}")
    print(f"imports of records internals from outside records: {len(internals)} {internals}")
    largest = sorted(lines.items(), key=lambda item: -item[1])[:6]
    print("largest modules (lines):", ", ".join(f"{name} {count}" for name, count in largest))
    biggest = sorted(classes, reverse=True)[:6]
    print("largest classes (methods):", ", ".join(f"{name} {count}" for count, name in biggest))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
