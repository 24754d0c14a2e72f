"""The alert model shared by the link and e-mail checkers: three levels, one finding, one table row.

Each checker keeps its own table (``link/alert_table.py``, ``mail/alert_table.py``) mapping every
alert code to an :class:`AlertKind`: the level of the code and its French message. Alerts are
built with :func:`build_alert`, so the level of a code is written once, in its table.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

LEVELS = ("ok", "attention", "danger")


def worst_level(levels: Iterable[str]) -> str:
    """Return the most serious of the given levels ("ok" when empty)."""
    worst = 0
    for level in levels:
        if level in LEVELS:
            worst = max(worst, LEVELS.index(level))
    return LEVELS[worst]


@dataclass(frozen=True)
class Alert:
    """One finding: stable English code, plain French message, level."""

    code: str
    message: str
    level: str  # "attention" | "danger"


@dataclass(frozen=True)
class AlertKind:
    """One row of an alert table: the level of a code and its French message.

    ``message`` is a ``str.format`` template, or, when one code has several wordings (same
    meaning and level, different situations), a mapping of templates by wording name.
    """

    level: str
    message: str | Mapping[str, str]


class UnknownAlertCode(LookupError):
    """An alert code (or one of its variants) that is missing from its table: a programming error."""


def build_alert(table: Mapping[str, AlertKind], code: str, variant: str | None = None,
                level: str | None = None, **fields: object) -> Alert:
    """The alert ``code`` of ``table``, its message (wording ``variant``) filled with ``fields``.

    The level comes from the table; ``level`` overrides it only where one code is knowingly
    emitted at two levels (each such call says why). Raises :class:`UnknownAlertCode` for a code
    that is not in the table, or a wording that the code does not have.
    """
    kind = table.get(code)
    if kind is None:
        raise UnknownAlertCode(f"alert code {code!r} is not in the alert table")
    if isinstance(kind.message, str):
        template = kind.message if variant is None else None
    else:
        template = kind.message.get(variant) if variant is not None else None
    if template is None:
        raise UnknownAlertCode(f"alert code {code!r} has no wording {variant!r}")
    if level is not None and level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    return Alert(code, template.format(**fields), kind.level if level is None else level)
