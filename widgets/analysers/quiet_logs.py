"""Libraries that read a participant's file keep quiet about what is inside it.

Pillow logs every EXIF value it reads at DEBUG level (a photo's GPS position, the device's owner name),
pypdf quotes parts of a broken file in its warnings. While one of them reads a file, its loggers are
raised above CRITICAL, so nothing of the file can reach a log whatever the server's log level. A child
logger (« PIL.TiffImagePlugin ») inherits the raised level.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

#: The loggers of the libraries that read participants' files.
FILE_READERS = ("PIL", "pypdf")


@contextmanager
def quiet_logs(names: tuple[str, ...] = FILE_READERS) -> Iterator[None]:
    """Within the block, the loggers ``names`` log nothing; their levels come back after."""
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
