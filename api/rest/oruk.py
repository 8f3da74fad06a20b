"""Open Referral UK 3.0 endpoints under ``/oruk``: schema-valid, paged, CORS open.

``GET /oruk/`` describes the API (``version`` is ``HSDS-UK-3.0``, the spelling the official
validator parses); ``/services`` and ``/services/{id}`` are required by ORUK; organisations,
services at locations, taxonomies and taxonomy terms are the optional endpoints. Lists use
the eight-key HSDS page envelope; ``per_page`` is at most 100. Bad parameters get a 422
(400 for combinations that make no sense) with a body saying which and why; an absent id a
404 JSON body. Every response carries ``Access-Control-Allow-Origin: *``, errors included.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel

from api.i18n import current_language, message_of
from api.rest.places import place_index
from graph import messages as say
from graph.database import Database
from graph.errors import CommonGraphError
from graph.messages import render
from graph.postcodes import normalise_postcode
from graph.repositories import oruk as repo
from graph.repositories.oruk import OrukPage
from graph.repositories.outcomes import pydantic_reason

__all__ = ["OPENAPI_URL", "PROFILE_URL", "VERSION", "router"]

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://openreferraluk.org/specifications/3.0/"
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
CORS = {"Access-Control-Allow-Origin": "*"}


class _OpenRoute(APIRoute):
    """Adds the CORS header to every response of the router and renders errors as JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                response = await handler(request)
            except CommonGraphError as exc:
                response = JSONResponse({"error": message_of(exc)}, status_code=exc.http_status)
            except RequestValidationError as exc:
                language = current_language()
                detail = [
                    {
                        "parameter": ".".join(str(p) for p in e["loc"][1:]),
                        "reason": render(pydantic_reason(e, str(e["loc"][-1])), language),
                    }
                    for e in exc.errors()
                ]
                response = JSONResponse(
                    {"error": say.INVALID_PARAMETERS().text(language), "detail": detail},
                    status_code=422,
                )
            except HTTPException as exc:
                text = exc.detail
                if isinstance(text, say.Said):
                    text = text.text(current_language())
                response = JSONResponse({"error": text}, status_code=exc.status_code)
            response.headers.update(CORS)
            return response

        return route


router = APIRouter(prefix="/oruk", tags=["Open Referral UK"], route_class=_OpenRoute)


def _db(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


def _date_time(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(status_code=422, detail=say.NOT_RFC3339(value=repr(value))) from None
    if parsed.tzinfo is None:
        return parsed.isoformat() + "Z"
    return parsed.isoformat()


class ApiDetails(BaseModel):
    """What ``GET /oruk/`` says: the ORUK version, its profile and its OpenAPI document."""

    version: str
    profile: str
    openapi_url: str


#: single records are ORUK 3.0 documents, validated against the shipped schemas
_RECORD = "An Open Referral UK 3.0 {kind} (schema: graph/oruk/schemas, and {url})"


def _record_route(path: str, kind: str, summary: str) -> None:
    """Adds ``GET path``, the one record of ``kind`` whose id is the path's one parameter.

    The five record endpoints differ only in these three things; the route keeps the name
    ``get_<kind>`` and the path parameter its own name (say ``service_id``), so the OpenAPI
    document names each operation and parameter as a hand-written endpoint would.
    """
    id_name = path[path.index("{") + 1 : path.index("}")]

    async def get_record(request: Request, record_id: str = Path(alias=id_name)) -> dict[str, Any]:
        return await repo.oruk_record(_db(request), kind, record_id)

    router.add_api_route(
        path,
        get_record,
        methods=["GET"],
        name=f"get_{kind}",
        summary=summary,
        response_description=_RECORD.format(kind=kind, url=OPENAPI_URL),
    )


def _searched_pages_route(
    path: str, summary: str, fetch: Callable[[Database, repo.PageQuery], Awaitable[OrukPage]]
) -> None:
    """Adds ``GET path``: a page of records found by ``fetch``, filtered by ``search`` alone
    (organisations, taxonomies), under the name ``list_<path>``."""

    async def list_records(request: Request, query: Annotated[repo.PageQuery, Query()]) -> OrukPage:
        return await fetch(_db(request), query)

    router.add_api_route(
        path, list_records, methods=["GET"], name=f"list_{path[1:]}", summary=summary
    )


@router.get("/", summary="About this API")
async def api_details() -> ApiDetails:
    """ORUK 3.0 API details: version, profile and the OpenAPI document this API follows."""
    return ApiDetails(version=VERSION, profile=PROFILE_URL, openapi_url=OPENAPI_URL)


@router.get("/services", summary="Services, paged")
async def list_services(request: Request, query: Annotated[repo.ServiceQuery, Query()]) -> OrukPage:
    dated = query.model_copy(update={"modified_after": _date_time(query.modified_after)})
    return await repo.services_page(_db(request), dated)


_record_route("/services/{service_id}", "service", "One service, fully nested")


_searched_pages_route("/organizations", "Organisations, paged", repo.organizations_page)


_record_route(
    "/organizations/{organization_id}", "organization", "One organisation with its services"
)


@router.get("/service_at_locations", summary="Services at locations, paged")
async def list_service_at_locations(
    request: Request, query: Annotated[repo.ServiceAtLocationQuery, Query()]
) -> OrukPage:
    if (query.latitude is None) != (query.longitude is None):
        raise HTTPException(400, say.BOTH_OR_NEITHER())
    if query.proximity is not None and query.latitude is None and not query.postcode:
        raise HTTPException(400, say.PROXIMITY_CENTRE())
    return await repo.service_at_locations_page(_db(request), _centred(query))


def _centred(query: repo.ServiceAtLocationQuery) -> repo.ServiceAtLocationQuery:
    """``postcode`` with ``proximity`` and no coordinates: the distance is measured from the
    postcode's own point in the shipped postcode tables (ONS), as a person asking for "within
    1 km of CF10 1EP" means; a postcode the tables lack falls back to the listed locations
    that have exactly that postcode."""
    if query.proximity is None or query.latitude is not None or not query.postcode:
        return query
    normal = normalise_postcode(query.postcode)
    point = place_index().postcodes.get(normal) if normal else None
    if point is None:
        return query
    # The postcode is the centre here, not a filter on the locations' own postcodes.
    centre = {"latitude": point[0], "longitude": point[1], "postcode": None}
    return query.model_copy(update=centre)


_record_route("/service_at_locations/{sal_id}", "service_at_location", "One service at a location")


_searched_pages_route("/taxonomies", "Taxonomies, paged", repo.taxonomies_page)


_record_route("/taxonomies/{taxonomy_id}", "taxonomy", "One taxonomy")


@router.get("/taxonomy_terms", summary="Taxonomy terms, paged")
async def list_taxonomy_terms(
    request: Request, query: Annotated[repo.TaxonomyTermQuery, Query()]
) -> OrukPage:
    return await repo.taxonomy_terms_page(_db(request), query)


_record_route("/taxonomy_terms/{term_id}", "taxonomy_term", "One taxonomy term")
