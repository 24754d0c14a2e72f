"""What an atelier's notebook runs in the participant's kernel: the page, hooked to the live results."""
from __future__ import annotations

from pathlib import Path

from widgets.kernel.live import attach_live
from widgets.workshop.page import WorkshopPage


def show_workshop(folder: Path | str = ".") -> WorkshopPage:
    """The whole page of the atelier in ``folder`` (never raises for a content mistake).

    Under Voilà, when a step says ``en_direct``, its exercises send the room's anonymous answers to the
    projected board (``page.live``); elsewhere (nbval, pytest) the page is the same without them.
    """
    page = WorkshopPage(folder)
    page.live = attach_live(page.path) if page.path is not None else None
    return page
