"""Benchmark: what the Public Suffix List costs a kernel, against plain sets of the same rules, in the same run.

Prints the memory the list takes once read (tracemalloc) and the time to split a host name, for the
project's reader (``widgets/analysers/domains.py``: one text of rules per top-level domain) and for the
baseline it replaced (two frozensets: the rules, and every label path leading to one).
Usage:  .venv/bin/python bench/suffix_list.py
"""
from __future__ import annotations

import sys
import timeit
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from widgets.analysers.domains import (  # noqa: E402
    _PRIVATE_PART,
    _RULE,
    SuffixList,
    _decode_punycode,
    _snapshot_text,
)

HOSTS = ["www.impots.gouv.fr", "a.b.c.d.example.co.uk", "x.city.kawasaki.jp", "ameli-remboursement.com"]


def traced_kib(build) -> tuple[object, float]:
    tracemalloc.start()
    try:
        built = build()
        return built, tracemalloc.get_traced_memory()[0] / 1024
    finally:
        tracemalloc.stop()


def as_sets(text: str) -> tuple[frozenset, frozenset]:
    rules = [m.group("suffix") for m in _RULE.finditer(text.partition(_PRIVATE_PART)[0])]
    return frozenset(rules), frozenset(r.split(".", i)[i] for r in rules for i in range(r.count(".") + 1))


def split_with_sets(ends: frozenset, paths: frozenset, labels: list[str]) -> int | None:
    """The same walk as ``SuffixList.suffix_start``, with set lookups."""
    suffix_index = label_index = len(labels)
    current = ""
    for label in reversed(labels):
        label = _decode_punycode(label)
        candidate = f"{label}.{current}" if current else label
        if candidate in paths:
            label_index -= 1
            current = candidate
            if candidate in ends:
                suffix_index = label_index
            continue
        wildcard = f"*.{current}" if current else "*"
        if wildcard in paths:
            return label_index if f"!{label}.{current}" in paths else label_index - 1
        break
    return None if suffix_index == len(labels) else suffix_index


def main() -> None:
    text = _snapshot_text()
    ours, ours_kib = traced_kib(lambda: SuffixList(text))
    (ends, paths), sets_kib = traced_kib(lambda: as_sets(text))
    n, times = 20000, []
    print(f"{'reader':28} {'memory (KiB)':>13} {'µs per host':>12}")
    for name, kib, split in (
            ("sets (baseline)", sets_kib, lambda labels: split_with_sets(ends, paths, labels)),
            ("one text per top domain", ours_kib, ours.suffix_start)):
        for host in HOSTS:
            assert split(host.split(".")) == ours.suffix_start(host.split(".")), host
        seconds = min(timeit.repeat(lambda: [split(h.split(".")) for h in HOSTS], number=n // len(HOSTS), repeat=3))
        times.append(seconds / n * 1e6)
        print(f"{name:28} {kib:13.0f} {times[-1]:12.1f}")
    print(f"ratio ours / sets: memory {ours_kib / sets_kib:.2f}, time per host {times[1] / times[0]:.1f}")


if __name__ == "__main__":
    main()
