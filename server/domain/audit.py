"""Recording who did what: one append-only row per staff, admin or account change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server import sql
from server.models.accounts import User
from server.models.audit import AuditEntry


@dataclass(frozen=True)
class Origin:
    """Where a change came from: the web, the API, a job or the command line."""

    ip: str = ""
    user_agent: str = ""
    via: str = "web"


CLI = Origin(via="cli")
JOB = Origin(via="job")


async def record(
    actor: User | None,
    action: str,
    origin: Origin,
    *,
    object_type: str = "",
    object_id: str = "",
    node_path: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        actor=actor,
        actor_label=(actor.phone if actor else origin.via)[:60],
        action=action,
        object_type=object_type,
        object_id=object_id,
        node_path=node_path,
        before=before,
        after=after,
        ip=origin.ip[:45],
        user_agent=origin.user_agent[:255],
        via=origin.via[:8],
    )
    return await sql.insert(entry)  # on every change, bookings included: by hand
