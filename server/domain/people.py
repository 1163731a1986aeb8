"""Appointing and removing staff, admins and grid workers, and deactivating accounts, each
within the acting admin's part of the tree.

The rules, relative to the nodes the actor administers (``scopes.admin_nodes``):

- Staff of a centre and grid workers of a grid: at the actor's node or anywhere below it.
- Admins: only of nodes strictly below. An admin never appoints or removes a co-admin of their
  own node: admins are appointed by the level above (四级联动), so one admin cannot multiply
  themselves or push a peer out. The root's admins are appointed from the command line
  (``doorstep user add --role admin``).
- Nobody appoints, removes or deactivates themselves.
- An account may be deactivated by an admin whose area it is in (a role there, or for
  residents a report-in, need or booking there; any account for the root's admins) and only if
  every role it holds is one the admin could have given: never someone at or above their level.

Every change is written to the audit log with the node of the page it was made from.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain import roles, scopes
from server.domain.accounts import normalize_phone
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import ApiToken, Role, RoleGrant, Session, User
from server.models.bookings import Booking
from server.models.members import Member
from server.models.needs import Need
from server.models.places import Centre, Level, OrgNode

APPOINTABLE = (Role.STAFF, Role.ADMIN, Role.GRID_WORKER)
ANONYMISED_PREFIX = "D"  # phone of an anonymised account: "D" + id, never a mobile number
FIELDS_SUMMARY = N_("Please correct the marked fields.")
NOT_HERE = N_("No account in your area has this phone number.")
NOT_YOURSELF = N_("You cannot change your own roles or account here.")
OWN_LEVEL = N_("Admins of your own node or above are appointed by the level above.")


def is_anonymised(user: User) -> bool:
    return user.phone.startswith(ANONYMISED_PREFIX)


def _covers(nodes: list[OrgNode], path: str, *, strictly: bool) -> bool:
    return any(path.startswith(n.path) and not (strictly and path == n.path) for n in nodes)


def may_give(nodes: list[OrgNode], role: Role, path: str) -> bool:
    """Whether an admin of ``nodes`` may give (or take away) ``role`` at a place with ``path``."""
    return _covers(nodes, path, strictly=role == Role.ADMIN)


def grant_path(grant: RoleGrant) -> str:
    """The node path of a grant's centre or node (both loaded)."""
    if grant.centre is not None:
        return str(grant.centre.node_path)
    return str(grant.node.path) if grant.node is not None else ""


async def grants_within(node: OrgNode) -> list[RoleGrant]:
    """Every grant at ``node`` or below, with the user, the place and who granted it."""
    rows = RoleGrant.filter(
        Q(centre__node_path__startswith=node.path) | Q(node__path__startswith=node.path)
    )
    found = await rows.select_related("user", "centre", "node", "granted_by")
    return sorted(found, key=lambda g: (grant_path(g), g.role.value, g.user.display_name))


async def places_within(node: OrgNode) -> tuple[list[OrgNode], list[Centre]]:
    """The nodes and centres in ``node``'s subtree, for the appoint form."""
    nodes = await OrgNode.filter(path__startswith=node.path).order_by("path")
    centres = await Centre.filter(node_path__startswith=node.path).order_by("node_path", "name")
    return nodes, centres


# Appointing and removing ----------------------------------------------------------------------


async def _appointee(raw: str, errors: dict[str, str]) -> User | None:
    try:
        phone = normalize_phone(raw)
    except ValidationFailed as problem:
        errors.update(problem.fields)
        return None
    user = await User.get_or_none(phone=phone)
    if user is None or not user.is_active:
        errors["phone"] = N_("No active account has this number; ask them to register first.")
    return user


async def _scope_path(role: Role, code: str, errors: dict[str, str]) -> str:
    """The node path of the centre (staff) or node (admin, grid worker) with ``code``."""
    if role == Role.STAFF:
        centre = await Centre.get_or_none(code=code)
        if centre is None:
            errors["scope"] = N_("Choose a centre for staff.")
        return centre.node_path if centre else ""
    node = await OrgNode.get_or_none(code=code)
    if node is None or (role == Role.GRID_WORKER and node.level != Level.GRID):
        errors["scope"] = (
            N_("Choose a grid for a grid worker.")
            if role == Role.GRID_WORKER
            else N_("Choose a node of the tree for an admin.")
        )
    return node.path if node else ""


async def appoint(actor: User, within: OrgNode, form: dict[str, str], origin: Origin) -> RoleGrant:
    """Give a role at a place in ``within``'s subtree; ``form``: phone, role, scope (a code)."""
    errors: dict[str, str] = {}
    target = await _appointee(form.get("phone", ""), errors)
    role = Role(form["role"]) if form.get("role") in {r.value for r in APPOINTABLE} else None
    if role is None:
        errors["role"] = N_("Choose staff, admin or grid worker.")
    path = await _scope_path(role, form.get("scope", ""), errors) if role else ""
    if path and role and "scope" not in errors:
        if not path.startswith(within.path):
            errors["scope"] = N_("Choose a place in your area.")
        elif not may_give(await scopes.admin_nodes(actor), role, path):
            errors["scope"] = OWN_LEVEL
    if target is not None and target.id == actor.id:
        errors["phone"] = NOT_YOURSELF
    if errors:
        raise ValidationFailed(FIELDS_SUMMARY, fields=errors)
    assert target is not None and role is not None
    return await roles.grant(target, role, form["scope"], actor, origin)


async def grant_within(actor: User, within: OrgNode, grant_id: int) -> RoleGrant:
    """A grant at ``within`` or below that ``actor`` may remove; NotFound for any other."""
    grant = await RoleGrant.get_or_none(id=grant_id).select_related("user", "centre", "node")
    if grant is None or not grant_path(grant).startswith(within.path):
        raise NotFound(N_("This role does not exist in your area."))
    if grant.user.id == actor.id:
        raise PermissionDenied(NOT_YOURSELF)
    if not may_give(await scopes.admin_nodes(actor), grant.role, grant_path(grant)):
        raise PermissionDenied(OWN_LEVEL)
    return grant


async def remove(actor: User, within: OrgNode, grant_id: int, origin: Origin) -> None:
    """Take a role away (the person keeps their account)."""
    grant = await grant_within(actor, within, grant_id)
    scope = grant.centre.code if grant.centre is not None else grant.node.code  # type: ignore[union-attr]
    async with in_transaction():
        await RoleGrant.filter(id=grant.id).delete()
        await record(
            actor,
            "role.revoke",
            origin,
            object_type="user",
            object_id=grant.user.public_id,
            node_path=grant_path(grant),
            before={"role": grant.role.value, "scope": scope},
        )


# Accounts -------------------------------------------------------------------------------------


async def _present(user: User, node: OrgNode, grants: list[RoleGrant]) -> bool:
    """Whether ``user`` belongs to ``node``'s area: a role, a report-in, a need or a booking."""
    if node.depth == 0 or any(grant_path(g).startswith(node.path) for g in grants):
        return True
    if await Member.filter(user_id=user.id, node_path__startswith=node.path).exists():
        return True
    if await Need.filter(requester_id=user.id, node_path__startswith=node.path).exists():
        return True
    return await Booking.filter(user_id=user.id, centre__node_path__startswith=node.path).exists()


async def account_within(actor: User, within: OrgNode, who: str) -> tuple[User, list[RoleGrant]]:
    """The account with this public id or phone in ``within``'s area, and its roles; the same
    NotFound for an unknown account and one elsewhere, so nothing is revealed."""
    try:
        user = await User.get_or_none(phone=normalize_phone(who))
    except ValidationFailed:
        user = await User.get_or_none(public_id=who)
    if user is None:
        raise NotFound(NOT_HERE)
    grants = await RoleGrant.filter(user_id=user.id).select_related("centre", "node")
    if not await _present(user, within, grants):
        raise NotFound(NOT_HERE)
    return user, grants


def outranks(nodes: list[OrgNode], actor: User, target: User, grants: list[RoleGrant]) -> bool:
    """Not oneself, and every role ``target`` holds is one an admin of ``nodes`` could give."""
    return target.id != actor.id and all(may_give(nodes, g.role, grant_path(g)) for g in grants)


async def may_manage(actor: User, target: User, grants: list[RoleGrant]) -> bool:
    return outranks(await scopes.admin_nodes(actor), actor, target, grants)


async def _manageable(actor: User, within: OrgNode, public_id: str) -> User:
    target, grants = await account_within(actor, within, public_id)
    if target.id == actor.id:
        raise PermissionDenied(NOT_YOURSELF)
    if not await may_manage(actor, target, grants):
        raise PermissionDenied(N_("This person holds a role at or above your level."))
    return target


async def deactivate(
    actor: User, within: OrgNode, public_id: str, reason: str, origin: Origin
) -> User:
    """Close an account: it cannot log in, and its sessions and API tokens end at once."""
    target = await _manageable(actor, within, public_id)
    reason = " ".join(reason.split())[:200]
    if not reason:
        message = N_("Say why the account is deactivated.")
        raise ValidationFailed(message, fields={"reason": message})
    now = datetime.now(UTC)
    async with in_transaction():
        changed = await User.filter(id=target.id, is_active=True).update(
            is_active=False, deactivated_at=now
        )
        if changed != 1:
            raise Conflict(N_("This account is already deactivated."))
        await Session.filter(user_id=target.id).delete()
        await ApiToken.filter(user_id=target.id, revoked_at=None).update(revoked_at=now)
        await _audit(actor, "user.deactivate", origin, target, within, active=False, why=reason)
    target.is_active, target.deactivated_at = False, now
    return target


async def reactivate(actor: User, within: OrgNode, public_id: str, origin: Origin) -> User:
    """Open a deactivated account again (not an anonymised one: that person is gone)."""
    target = await _manageable(actor, within, public_id)
    if is_anonymised(target):
        raise Conflict(N_("This account was deleted at its owner's request."))
    async with in_transaction():
        changed = await User.filter(id=target.id, is_active=False).update(
            is_active=True, deactivated_at=None
        )
        if changed != 1:
            raise Conflict(N_("This account is already active."))
        await _audit(actor, "user.reactivate", origin, target, within, active=True, why="")
    target.is_active, target.deactivated_at = True, None
    return target


async def _audit(
    actor: User,
    action: str,
    origin: Origin,
    target: User,
    within: OrgNode,
    *,
    active: bool,
    why: str,
) -> None:
    after: dict[str, object] = {"is_active": active, **({"reason": why} if why else {})}
    await record(
        actor,
        action,
        origin,
        object_type="user",
        object_id=target.public_id,
        node_path=within.path,
        before={"is_active": not active},
        after=after,
    )
