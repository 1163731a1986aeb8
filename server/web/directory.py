"""Finding a centre and a service: the tree, search, nearest, the centre and service pages."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import cache, i18n
from server.domain import availability, directory
from server.models.places import OrgNode
from server.templating import render, render_fragment


def _coordinates(request: Request) -> tuple[float, float] | None:
    try:
        lat, lng = float(request.query_params["lat"]), float(request.query_params["lng"])
    except (KeyError, ValueError):
        return None
    return (lat, lng) if -90 <= lat <= 90 and -180 <= lng <= 180 else None


async def home(request: Request) -> Response:
    """The directory: search results, the nearest centres, or the whole tree."""
    query = request.query_params.get("q", "").strip()[:50]
    here = _coordinates(request)
    context: dict[str, object] = {"query": query, "results": None, "nearest": None}
    if query:
        context["results"] = await directory.search_services(query)
        context["places"] = await _matching_places(query)
    elif here:
        context["nearest"] = await directory.nearest_centres(*here)
    else:
        context["tree_html"] = await _tree_html()
    return render(
        request, "directory/index.html", context, block="results" if query or here else None
    )


async def _tree_html() -> Markup:
    """The tree as HTML in the current language, from the places cache: the home page is
    everyone's first page, and drawing its few hundred links is most of its cost."""
    view = await cache.places.view()

    async def draw() -> Markup:
        tree = await directory.centre_tree()  # drawn once per stamp and language
        return render_fragment("directory/_tree.html", {"tree": tree})

    return await view.get(("tree.html", i18n.get_language()), draw)


async def _matching_places(query: str) -> list[OrgNode]:
    """Communities and streets named like the query: 'typed my community' finds its centres."""
    return await OrgNode.filter(name__icontains=query, level__in=["street", "community"]).limit(5)


async def centre(request: Request) -> Response:
    page = await directory.centre_page(request.path_params["code"], datetime.now(UTC))
    return render(request, "directory/centre.html", {"page": page})


async def service(request: Request) -> Response:
    plan = await directory.service_plan(request.path_params["code"])
    found, materials, calendar = plan.service, plan.materials, plan.calendar
    days: list[Any] = []
    chosen = None
    if found.bookable:
        wanted = request.query_params.get("day", "")
        days, chosen = await availability.day_view(found, datetime.now(UTC), wanted, calendar)
    context = {
        "service": found,
        "centre": found.centre,
        "materials": materials,
        "days": days,
        "chosen": chosen,
    }
    return render(request, "directory/service.html", context, block="slots")


async def node(request: Request) -> Response:
    """Centres under one street or community, for 'type your community' and tree links."""
    place = await directory.place(request.path_params["code"])
    context = {"node": place.node, "centres": place.centres, "children": place.children}
    return render(request, "directory/node.html", context)


routes = [
    Route("/", home, methods=["GET"], name="home"),
    Route("/places/{code}", node, methods=["GET"], name="place"),
    Route("/centres/{code}", centre, methods=["GET"], name="centre"),
    Route("/services/{code}", service, methods=["GET"], name="service"),
]
