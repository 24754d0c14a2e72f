"""The thin notebook of an atelier: one cell that shows it, one hidden test cell that nbval compares."""
from __future__ import annotations

from pathlib import Path

import nbformat

from widgets.content.names import NOTEBOOK_FILE

SHOW = "from widgets.kernel.page import show_workshop\n\nshow_workshop()"
TEST = ("# Cellule de test : cachée aux participants (étiquette « test »), comparée par nbval.\n"
        "from widgets.workshop.walkthrough import walkthrough\n\nprint(walkthrough())")


def make_notebook(title: str) -> nbformat.NotebookNode:
    """A new atelier notebook (without outputs)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = title
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(SHOW), nbformat.v4.new_code_cell(TEST, metadata={"tags": ["test"]})]
    return nb


def execute_notebook(path: Path, timeout: int = 120) -> None:
    """Run the notebook in its folder and save its outputs (what nbval compares against)."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:  # widget views change at every run: keep only the text nbval compares
        for output in cell.get("outputs", []):
            output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


def write_notebook(folder: Path, title: str) -> Path:
    """Create the atelier's notebook in ``folder`` and run it once."""
    path = Path(folder) / NOTEBOOK_FILE
    nbformat.write(make_notebook(title), path)
    execute_notebook(path)
    return path
