"""The animateur's key: random at each start, kept in the server's memory, shown only in the terminal."""
from __future__ import annotations

import hmac
import secrets

COOKIE = "atelier_animateur"


def new_secret() -> str:
    """A fresh random key (about 128 bits)."""
    return secrets.token_urlsafe(16)


def is_valid(given: object, secret: str) -> bool:
    """True if ``given`` is the key (compared in constant time)."""
    if not secret or not isinstance(given, str) or len(given) > 200:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))
