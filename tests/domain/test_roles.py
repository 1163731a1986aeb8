"""Role grants: scoped, unique, audited."""

from __future__ import annotations

import pytest

from server.domain.audit import CLI
from server.domain.errors import NotFound, ValidationFailed
from server.domain.roles import grant
from server.models.accounts import Role, RoleGrant
from tests.cast import Cast


async def test_the_same_grant_twice_is_refused(cast: Cast):
    with pytest.raises(ValidationFailed):
        await grant(cast.staff_a, Role.STAFF, cast.centre_a.code, None, CLI)
    with pytest.raises(ValidationFailed):
        await grant(cast.street_admin, Role.ADMIN, cast.street.code, None, CLI)
    assert await RoleGrant.filter(user=cast.staff_a).count() == 1


async def test_a_grid_worker_must_be_given_a_grid(cast: Cast):
    with pytest.raises(ValidationFailed):
        await grant(cast.resident, Role.GRID_WORKER, cast.community_a.code, None, CLI)
    await grant(cast.resident, Role.GRID_WORKER, cast.grid_a.code, None, CLI)


async def test_an_unknown_scope_is_not_found(cast: Cast):
    with pytest.raises(NotFound):
        await grant(cast.resident, Role.STAFF, "NOSUCH", None, CLI)
