"""Exports: the job that builds a large spreadsheet, and the sweep that tidies them."""

from __future__ import annotations

from typing import Any

from server.domain import exports


async def build_export(ctx: dict[str, Any], export_id: int) -> str:
    """Build one queued export (a JobRun id); a second call for the same id does nothing."""
    return await exports.build(export_id, ctx["settings"])


async def sweep_exports(ctx: dict[str, Any]) -> dict[str, int]:
    """Delete exports after a day, wake those Redis lost, fail those a dead worker left."""
    return await exports.sweep(ctx["settings"])
