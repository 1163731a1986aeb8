"""Role grants: staff of a centre, admin or grid worker of an org node."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain.audit import Origin, record
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.places import Centre, Level, OrgNode


async def grant(
    user: User, role: Role, scope_code: str, by: User | None, origin: Origin
) -> RoleGrant:
    """Give ``user`` ``role`` over the centre or node with ``scope_code``."""
    centre = node = None
    if role == Role.STAFF:
        centre = await Centre.get_or_none(code=scope_code)
        if centre is None:
            raise NotFound(N_("No centre has the code %(code)s."), code=scope_code)
        path = centre.node_path
    elif role in (Role.ADMIN, Role.GRID_WORKER):
        node = await OrgNode.get_or_none(code=scope_code)
        if node is None:
            raise NotFound(N_("No org node has the code %(code)s."), code=scope_code)
        if role == Role.GRID_WORKER and node.level != Level.GRID:
            raise ValidationFailed(N_("A grid worker must be given a grid."))
        path = node.path
    else:
        raise ValidationFailed(N_("Only staff, admin and grid worker roles are granted."))
    try:
        async with in_transaction():
            scope = RoleGrant.scope_of(centre.id if centre else None, node.id if node else None)
            row = await RoleGrant.create(
                user=user, role=role, centre=centre, node=node, scope=scope, granted_by=by
            )
            await record(
                by,
                "role.grant",
                origin,
                object_type="user",
                object_id=user.public_id,
                node_path=path,
                after={"role": role.value, "scope": scope_code},
            )
    except IntegrityError:
        raise ValidationFailed(N_("This user already has that role there.")) from None
    return row


async def grants_of(user: User) -> list[RoleGrant]:
    return await RoleGrant.filter(user=user).select_related("centre", "node")
