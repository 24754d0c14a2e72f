"""The order in which a participant sees the options of a question: shuffled, the same after a reload.

The order is drawn from the participant's identifier and the exercise's identifier, so that two
participants see different orders, and one participant sees the same order each time the page is
rebuilt. Without a participant (nbval, pytest, a page opened without ``?participant=``) options
keep the content order. Whatever the order on screen, an answer is always reported with the
option's index in the content file (``widgets.content.answers.options_choice``): the board keeps
one order for everyone.
"""
from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable


def shuffled_order(count: int, seed: str | None, key: str | None = "", last: Iterable[int] = (),
                   first: Iterable[int] = ()) -> list[int]:
    """The content indexes ``0 … count-1`` in the order shown to the participant ``seed``.

    ``first`` (e.g. the ads at the top of search results) are shown first, ``last`` (an option
    marked ``dernier: true``, such as « Je ne sais pas ») last, in content order; the others are
    shuffled. ``key`` names the exercise (two questions of one participant get different orders).
    Without ``seed``: the content order.
    """
    indexes = list(range(max(0, int(count))))
    if not seed:
        return indexes
    last_set, first_set = set(last), set(first) - set(last)
    digest = hashlib.sha256(f"{seed}\x1f{key or ''}".encode("utf-8", "replace")).digest()
    rng = random.Random(int.from_bytes(digest[:16], "big"))
    head = [i for i in indexes if i in first_set]
    middle = [i for i in indexes if i not in first_set and i not in last_set]
    tail = [i for i in indexes if i in last_set]
    rng.shuffle(head)
    rng.shuffle(middle)
    return head + middle + tail
