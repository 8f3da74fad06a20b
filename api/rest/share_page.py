"""``GET /shortlist/{token}``: the printable shared-shortlist page of the web UI.

The API hands out ``sharePath`` = ``/shortlist/<token>``; the static UI is a single page, so
this path answers with its ``index.html`` and the page reads the token from the address.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from graph import messages as say
from graph.errors import NotFoundError
from graph.server.config import PROJECT_ROOT

__all__ = ["router"]

INDEX = PROJECT_ROOT / "frontend" / "dist" / "index.html"

router = APIRouter(tags=["ui"])


@router.get("/shortlist/{token}", include_in_schema=False)
def shared_shortlist_page(token: str) -> FileResponse:
    """The UI's page; the token itself is checked by the ``shortlist(token:)`` query."""
    del token  # read by the page from its address
    if not INDEX.is_file():
        raise NotFoundError(say.UI_NOT_BUILT())
    return FileResponse(INDEX, media_type="text/html")
