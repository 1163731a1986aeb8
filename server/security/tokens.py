"""Random secrets whose hashes are stored: session keys and API bearer tokens."""

from __future__ import annotations

import hashlib
import secrets


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """SHA-256 hex of a high-entropy secret; a stolen table reveals no usable keys."""
    return hashlib.sha256(secret.encode()).hexdigest()
