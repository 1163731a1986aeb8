"""The demo city 江城市: fills an empty database with a whole, consistent city to try."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from server.models.places import OrgNode
from server.security.passwords import hash_password
from server.seed import demo_data as data
from server.seed.demo_bookings import seed_bookings
from server.seed.demo_context import DemoCity
from server.seed.demo_needs import seed_needs
from server.seed.demo_people import seed_people
from server.seed.demo_places import seed_places
from server.seed.demo_tasks import seed_tasks

DEMO_PASSWORD = "doorstep-demo"
CENTRE_A_CODE = data.CENTRE_A_CODE
CENTRE_B_CODE = data.CENTRE_B_CODE

# (phone, role zh, role en, what the account can see) — for the README's demo table.
DEMO_ACCOUNTS = [
    (
        data.RESIDENT.phone,
        "居民",
        "Resident",
        "张丽华 of 望江社区: her bookings (one for her mother), her needs and a small wish",
    ),
    (
        data.MEMBER.phone,
        "在职党员",
        "On-the-job member",
        "李晓雯, teacher at 江城市第一中学, reported in to 望江社区; pledge 辅导作业 at weekends, "
        "claims, volunteer hours, invitations from staff A",
    ),
    (
        data.STAFF_A.phone,
        "工作人员",
        "Centre staff",
        f"陈静, staff of centre A {CENTRE_A_CODE} 望江社区党群服务中心: "
        "its bookings, needs and members",
    ),
    (
        data.STAFF_B.phone,
        "工作人员",
        "Centre staff",
        f"刘洋, staff of centre B {CENTRE_B_CODE} 桃源社区党群服务中心 (another street): B only",
    ),
    (
        data.GRID_WORKER.phone,
        "网格员",
        "Grid worker",
        "赵敏, grid worker of 望江社区第一网格: posts needs on residents' behalf",
    ),
    (
        data.STREET_ADMIN.phone,
        "街道管理员",
        "Street admin",
        "孙伟, admin of 滨江街道: its communities and centres, including centre A",
    ),
    (
        data.DISTRICT_ADMIN.phone,
        "区管理员",
        "District admin",
        "周建国, admin of 临江区: both streets, centres A and B",
    ),
    (data.CITY_ADMIN.phone, "市管理员", "City admin", "吴海燕, admin of 江城市: everything"),
]


async def is_empty() -> bool:
    """True when the database has no org nodes, so the demo may be written into it."""
    return not await OrgNode.exists()


async def seed_demo(
    password: str = DEMO_PASSWORD, *, now: datetime | None = None
) -> dict[str, int]:
    """Fill an empty migrated database with the demo city; returns the row count per table."""
    if not await is_empty():
        raise RuntimeError("the database already has org nodes; the demo seeds only an empty one")
    # argon2 is slow on purpose: every demo and generated user shares this one hash.
    city = DemoCity(random.Random(data.SEED), now or datetime.now(UTC), hash_password(password))
    async with in_transaction():
        await seed_places(city)
        await seed_people(city)
        plans = await seed_needs(city)
        await seed_tasks(city, plans)
        await seed_bookings(city)
    return await row_counts()


async def row_counts() -> dict[str, int]:
    """Rows per table of the app's models, by table name."""
    models = Tortoise.apps["models"].values()
    tables = sorted((m._meta.db_table, m) for m in models if m._meta.db_table != "aerich")
    return {table: await model.all().count() for table, model in tables}
