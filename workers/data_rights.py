"""The end of the cooling-off period: anonymising an account whose owner asked for deletion.

``data_rights.request_deletion`` writes a ScheduledJob row for the day the period ends; the
outbox sweep wakes due rows, and ``run_scheduled`` calls this function by name. Importing this
module (in ``workers.settings``) is what registers it.
"""

from __future__ import annotations

from server import settings
from server.domain import data_rights
from workers.scheduled import scheduled


@scheduled(data_rights.JOB)
async def anonymise_account(user_id: int) -> None:
    """Anonymise one account; running it again finds it anonymised and does nothing."""
    await data_rights.run_due(user_id, settings.get())
