"""The package's floor plan: one layer per folder, every import pointing down, no import circle.

The layers are those of the README's « Organisation du code »; this test reads every import of
``widgets/`` (lazy ones inside functions too) and fails on a circle or an import going up a layer.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "widgets"
#: Bottom to top. A folder may import its own modules and those of the folders before it.
LAYERS = ["content", "analysers", "charts", "sessions", "ui", "components", "simulations", "tools", "steps",
          "workshop", "kernel", "documents", "authoring", "server", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules ``path`` imports (``from widgets.x import y`` counts ``widgets.x.y`` if it is one)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("widgets")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("widgets") and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return {m for m in found if m in known}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_folder_of_the_package_is_a_known_layer():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert folders == set(LAYERS)
    assert not [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"], "a module outside every layer"


def test_package_files_import_nothing():
    """Importing one module never loads its neighbours (a participant's kernel stays light)."""
    heavy = [str(p) for p in PACKAGE.rglob("__init__.py")
             if any(not isinstance(n, ast.Expr) for n in ast.parse(p.read_text(encoding="utf-8")).body)]
    assert not heavy


def test_every_import_points_down_a_layer_or_stays_in_its_folder():
    known = modules()
    upward = []
    for name, path in known.items():
        here = layer(name)
        for target in imports_of(path, known):
            there = layer(target)
            if here is None or there is None:
                continue
            if there != here and LAYERS.index(there) > LAYERS.index(here):
                upward.append(f"{name} → {target}")
    assert not upward, "\n".join(upward)


def test_no_import_circle():
    known = modules()
    graph = {name: imports_of(path, known) - {name} for name, path in known.items()}
    graph = {name: {t for t in targets if not name.startswith(t + ".")} for name, targets in graph.items()}
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                circles.append(" → ".join(trail[trail.index(target):] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not circles, "\n".join(circles)


def test_the_readme_lists_the_layers_in_their_order():
    """« Organisation du code » is the newcomer's map: one row per layer, bottom first, as the code is."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)/` \|", readme.partition("## Organisation du code")[2], re.M)
    assert rows == list(LAYERS)
