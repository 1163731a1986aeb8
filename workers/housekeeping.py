"""Jobs that keep the tables tidy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from server.models.accounts import ApiToken, Session

TOKEN_KEEP = timedelta(days=30)  # expired tokens stay a while so "expired" can be told apart


async def purge_expired_logins(ctx: dict[str, Any]) -> dict[str, int]:
    """Delete sessions past their expiry and API tokens long expired; safe to run twice."""
    now = datetime.now(UTC)
    sessions = await Session.filter(expires_at__lte=now).delete()
    tokens = await ApiToken.filter(expires_at__lte=now - TOKEN_KEEP).delete()
    return {"sessions": sessions, "tokens": tokens}
