"""What a user may see and act on, from their role grants."""

from __future__ import annotations

from server.domain.errors import NotFound, PermissionDenied
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.places import OrgNode


async def is_city_admin(user: User | None) -> bool:
    """Admin of a root node of the tree: sees city-wide operations such as failed messages."""
    if user is None:
        return False
    return await RoleGrant.filter(user=user, role=Role.ADMIN, node__depth=0).exists()


async def admin_nodes(user: User | None) -> list[OrgNode]:
    """The nodes ``user`` administers (each with its whole subtree), top-most first."""
    if user is None:
        return []
    grants = await RoleGrant.filter(user=user, role=Role.ADMIN).select_related("node")
    nodes = {g.node.id: g.node for g in grants if g.node is not None}
    return sorted(nodes.values(), key=lambda n: (n.depth, n.path))


async def require_node_admin(user: User, node_code: str) -> OrgNode:
    """The node if ``user`` administers it or a node above it; otherwise NotFound for an unknown
    code and PermissionDenied for a node outside their subtree."""
    node = await OrgNode.get_or_none(code=node_code)
    if node is None:
        raise NotFound(N_("No org node has the code %(code)s."), code=node_code)
    if not any(node.path.startswith(own.path) for own in await admin_nodes(user)):
        raise PermissionDenied(N_("This part of the city is outside your responsibility."))
    return node


def within(node: OrgNode, path: str) -> bool:
    """Whether ``path`` (a node's, a centre's or a row's node_path) lies in ``node``'s subtree."""
    return path.startswith(node.path)
