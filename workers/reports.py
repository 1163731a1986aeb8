"""Quarterly unit reports: the cron job that sends what is due, and the scheduled job that
retries one unit's report after a failed send."""

from __future__ import annotations

from typing import Any

from server import settings
from server.domain import unit_reports
from workers.scheduled import scheduled


async def send_unit_reports(ctx: dict[str, Any]) -> dict[str, int]:
    """Email the last quarter's report to each unit's contact, once per unit and quarter."""
    return {"sent": await unit_reports.send_quarterly(settings.get())}


@scheduled(unit_reports.JOB)
async def send_unit_report(unit_id: int, year: int, quarter: int) -> None:
    """One unit's report again (a ScheduledJob row whose first send failed)."""
    await unit_reports.send_report(settings.get(), unit_id, year, quarter)
