"""Small shared pieces of the models: public codes and time stamps."""

from __future__ import annotations

import secrets

# Crockford-style alphabet without 0/O/1/I/L so codes survive being read aloud at a counter.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code(length: int = 8) -> str:
    """A random public code of ``length`` characters from the counter-friendly alphabet."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_token() -> str:
    """A random URL-safe public id, for things that are never typed by hand."""
    return secrets.token_urlsafe(12)
