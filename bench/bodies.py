"""The GraphQL request bodies every measure sends (the same bytes to ours and to the peer)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bench.data import Centre

__all__ = ["NEAR_QUERY", "RADIUS_KM", "near_body", "near_variables", "same_data"]

RADIUS_KM = 5.0
PAGE = 20

NEAR_QUERY = """query Near($latitude: Float!, $longitude: Float!, $radiusKm: Float!, $first: Int) {
  assetsNear(latitude: $latitude, longitude: $longitude, radiusKm: $radiusKm, first: $first) {
    edges { distanceKm node { id name } }
    pageInfo { hasNextPage }
  }
}"""


def near_variables(centre: Centre) -> dict[str, Any]:
    """The variables of one ``assetsNear`` request around ``centre``."""
    return {
        "latitude": centre.latitude,
        "longitude": centre.longitude,
        "radiusKm": RADIUS_KM,
        "first": PAGE,
    }


def near_body(centre: Centre) -> str:
    """The JSON body of one ``assetsNear`` request (one line, as wrk's Lua script reads it)."""
    return json.dumps({"query": NEAR_QUERY, "variables": near_variables(centre)})


def same_data(ours: dict[str, Any], theirs: dict[str, Any]) -> str | None:
    """None when both GraphQL responses carry equal ``data`` and no errors; else why not."""
    for name, response in (("ours", ours), ("peer", theirs)):
        if response.get("errors"):
            return f"{name} answered with errors: {json.dumps(response['errors'])[:300]}"
    if ours.get("data") != theirs.get("data"):
        return (
            f"data differ: ours {json.dumps(ours.get('data'))[:300]} vs "
            f"peer {json.dumps(theirs.get('data'))[:300]}"
        )
    return None


def hit_count(response: dict[str, Any]) -> int:
    """How many edges an ``assetsNear`` response carries."""
    edges: Sequence[Any] = (response.get("data") or {}).get("assetsNear", {}).get("edges", [])
    return len(edges)
