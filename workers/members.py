"""Timed work on members and their claims: the half-yearly re-confirmation, reminders before a
claim is due, releasing claims past due, and confirming completions nobody answered."""

from __future__ import annotations

from typing import Any

from server import settings
from server.domain import claim_completion, claim_deadlines, members


async def sweep_members(ctx: dict[str, Any]) -> dict[str, int]:
    """Remind members two weeks before their report-in lapses; mark lapsed ones, once each."""
    done = await members.lapse_sweep(settings.get())
    return {"lapsed": done.lapsed, "reminded": done.due_soon}


async def sweep_claims(ctx: dict[str, Any]) -> dict[str, int]:
    """Each step once per claim: remind before due, release past due, auto-confirm after N days."""
    config = settings.get()
    return {
        "reminded": await claim_deadlines.due_reminders(config),
        "released": await claim_deadlines.release_overdue(config),
        "auto_confirmed": await claim_completion.auto_confirm(config),
    }
