"""What an atelier's notebook runs in the participant's kernel: the page, hooked to the live results."""
from __future__ import annotations

from pathlib import Path

from widgets.kernel.live import (
    begin_live,
    participant_from_query,
    prepare_live,
    under_voila,
)
from widgets.workshop.page import WorkshopPage


def show_workshop(folder: Path | str = ".") -> WorkshopPage:
    """The whole page of the atelier in ``folder`` (never raises for a content mistake).

    Under Voilà the page learns its participant's anonymous id (a preheated kernel waits here for the
    request, having built the page in advance): the options are shown in that participant's order, and,
    when a step says ``en_direct``, the exercises send the room's answers to the projected board
    (``page.live``). Elsewhere (nbval, pytest) the page is the same, in the content's order, alone.
    """
    page = WorkshopPage(folder)
    page.live = None
    if page.path is None or not under_voila():
        return page
    live = prepare_live(page.path)  # hooks first: a preheated kernel sets them before anyone comes
    participant = participant_from_query()
    if participant and hasattr(page, "personalise"):
        page.personalise(participant)
    if live is not None:
        begin_live(live, participant)
        page.live = live
    return page
