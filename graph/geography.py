"""Coordinates and search radii: the ranges every entrance checks, written once.

``Latitude`` and ``Longitude`` are WGS 84 degrees; :data:`MAX_RADIUS_KM` is the largest radius
any search accepts, whether GraphQL's ``radiusKm`` or Open Referral's ``proximity`` (metres,
:data:`MAX_RADIUS_M`): 500 km spans Wales and England end to end, and a larger circle would
only make Neo4j scan everything.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

__all__ = [
    "LATITUDE_RANGE",
    "LONGITUDE_RANGE",
    "MAX_RADIUS_KM",
    "MAX_RADIUS_M",
    "Latitude",
    "Longitude",
    "RadiusKm",
]

LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 180.0)
MAX_RADIUS_KM = 500.0
MAX_RADIUS_M = MAX_RADIUS_KM * 1000

Latitude = Annotated[float, Field(ge=LATITUDE_RANGE[0], le=LATITUDE_RANGE[1])]
Longitude = Annotated[float, Field(ge=LONGITUDE_RANGE[0], le=LONGITUDE_RANGE[1])]
RadiusKm = Annotated[float, Field(gt=0, le=MAX_RADIUS_KM)]
