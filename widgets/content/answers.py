"""How an answer is named: the anonymous choice identifiers that exercises report and the board counts.

An answer that reaches the live store is only one of these short strings, never what was typed.
The exercises build them here, and the board labels them from the content (``widgets.sessions.answer_keys``).
"""
from __future__ import annotations

from typing import Iterable

#: The two words of a true/false answer, in the order the buttons show them.
TRUE_FALSE = {True: "Vrai", False: "Faux"}
#: The verdicts on a message of the simulated inbox.
SCAM, GENUINE = "arnaque", "serieux"
#: A written message with nothing left to correct.
COMPLETE = "ok"


def options_choice(indexes: Iterable[int]) -> str:
    """« 0 », or « 0,2 » for several options (ascending)."""
    return ",".join(str(i) for i in sorted(set(indexes)))


def options_of(choice: str, count: int) -> list[int]:
    """The option indexes of a reported choice (those below ``count``, malformed parts left out)."""
    return [int(p) for p in str(choice).split(",") if p.isdigit() and int(p) < count]


def statement_choice(index: int, answer: bool) -> str:
    """« 2:vrai »: the answer given to statement ``index`` of a true/false series."""
    return f"{index}:{TRUE_FALSE[answer].lower()}"


def statement_of(choice: str) -> tuple[int, bool] | None:
    """(statement index, answer) of a reported series choice, or None."""
    number, _sep, word = str(choice).partition(":")
    answers = {w.lower(): value for value, w in TRUE_FALSE.items()}
    if number.isdigit() and word in answers:
        return int(number), answers[word]
    return None


def message_choice(index: int, verdict: str) -> str:
    """« 1:arnaque »: the verdict given on message ``index`` of the inbox."""
    return f"{index}:{verdict}"
