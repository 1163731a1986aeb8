"""A member's "for you" page: tasks that suit them, best first, with the reasons, and the
invitations waiting for their answer."""

from __future__ import annotations

from collections import OrderedDict

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import i18n
from server.domain import invitations, matching
from server.domain.for_you import for_member_with_pool, member_for
from server.models.members import Task
from server.templating import render, render_fragment
from server.web.auth import require_user
from server.web.volunteer import MEMBER_STATUS, is_current, reasons


async def for_you(request: Request) -> Response:
    user = require_user(request)
    member = await member_for(user.id)  # the page shows none of its places
    found, pool = await for_member_with_pool(member) if member else ([], None)
    suggestions = [(task_head(s.task), reasons(s.parts)) for s in found if s.task]
    invited = await invitations.waiting(user, pool.invited if pool else None)
    context = {
        "member": member,
        "current": is_current(member),
        "suggestions": suggestions,
        "invited": invited,
        "cap": _reached_cap(pool) if pool and not found else None,
        "has_pledge": bool(pool and pool.profiles and pool.profiles[0].pledged),
        "statuses": MEMBER_STATUS,
    }
    return render(request, "volunteer/for_you.html", context)


# The head of each "for you" card, alike for every member (the task, when, where, places left),
# per task and language. for_you.open_tasks keeps a street's tasks as the same Task objects until
# a change to them bumps the street, so a head is good while it was made from the very object
# the suggestion carries; one made from another (the street read again) is made anew.
_HEADS: OrderedDict[tuple[int, str], tuple[Task, Markup]] = OrderedDict()
HEADS_SIZE = 20_000


def task_head(task: Task) -> Markup:
    key = (task.id, i18n.get_language())
    held = _HEADS.get(key)
    if held is not None and held[0] is task:
        _HEADS.move_to_end(key)
        return held[1]
    head = render_fragment("volunteer/_task_head.html", {"task": task})
    _HEADS[key] = (task, head)
    _HEADS.move_to_end(key)
    if len(_HEADS) > HEADS_SIZE:
        _HEADS.popitem(last=False)
    return head


def _reached_cap(pool: matching.Pool) -> int | None:
    """The tasks a month the member pledged, if they have taken on that many (then nothing is
    suggested until next month)."""
    p = pool.profiles[0] if pool.profiles else None
    reached = p is not None and p.monthly_tasks is not None and p.month_tasks >= p.monthly_tasks
    return p.monthly_tasks if reached and p else None


routes = [Route("/me/tasks", for_you, methods=["GET"], name="my_tasks")]
