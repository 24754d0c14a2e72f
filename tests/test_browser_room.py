"""A small room in real browsers for a minute (``bench/soak.py`` runs the same with 30 people for 10 minutes).

Three participants join by the QR code's address, answer the live question, reload, leave and come
back; the animateur reveals and moves on; then everyone leaves.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from soak import run_soak  # noqa: E402


def test_a_small_room_loses_nothing_and_leaves_nothing_behind():
    r = run_soak(participants=3, seconds=75, reserve=1, session_reserve=2, seed=7, say=lambda _text: None)
    assert sum(r.answered.values()) >= 2, r.actions  # the room did answer
    assert r.lost == 0 and r.doubled == 0, (r.answered, r.counted)
    assert r.terminal_errors == []
    assert r.seconds_to_zero_connected is not None and r.seconds_to_zero_connected <= 15
    assert r.kernels_end <= r.kernels_start  # no kernel of a page that was left or reloaded
    assert r.memory_ratio <= 1.10
    assert not [a for a in r.actions if a.startswith("failed")], r.actions
