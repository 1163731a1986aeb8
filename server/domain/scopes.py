"""What a user may see and act on, from their role grants."""

from __future__ import annotations

from server.models.accounts import Role, RoleGrant, User


async def is_city_admin(user: User | None) -> bool:
    """Admin of a root node of the tree: sees city-wide operations such as failed messages."""
    if user is None:
        return False
    return await RoleGrant.filter(user=user, role=Role.ADMIN, node__depth=0).exists()
