"""Which LSOA a point lies in: point-in-polygon over a shapely ``STRtree``.

A sort-tile-recursive R-tree (Leutenegger, Lopez & Edgington, "STR: A Simple and Efficient
Algorithm for R-Tree Packing", ICDE 1997) over the LSOA outlines. The shipped outlines are
super-generalised and clipped to the coast, so a point within :data:`NEAREST_FALLBACK_DEG` of
an outline but outside every polygon (a harbour, a pier) takes the nearest LSOA. Used by the
loaders (placing every location) and by the API (``/api/areas/at``, a postcode's area).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

__all__ = ["NEAREST_FALLBACK_DEG", "AreaIndex"]

#: About 1 km in latitude: how far outside every outline a point may be and still be placed.
NEAREST_FALLBACK_DEG = 0.01


class AreaIndex:
    """Point-in-polygon lookup of LSOAs over an STRtree of their polygons."""

    def __init__(self, ids: Sequence[str], polygons: Sequence[Any]) -> None:
        self.ids = list(ids)
        self._polygons = list(polygons)
        self._tree = STRtree(self._polygons)

    def __len__(self) -> int:
        return len(self.ids)

    def locate_many(self, points: Sequence[tuple[float, float]]) -> list[str | None]:
        """The LSOA id of each ``(latitude, longitude)``, or ``None`` when outside all of them.

        Vectorised: one ``STRtree.query(predicate="within")`` for all points, then a nearest
        query (bounded by :data:`NEAREST_FALLBACK_DEG`) for those left over.
        """
        if not points:
            return []
        geoms = shapely.points([(lon, lat) for lat, lon in points])
        out: list[str | None] = [None] * len(points)
        point_idx, poly_idx = self._tree.query(geoms, predicate="within")
        for p, g in zip(point_idx.tolist(), poly_idx.tolist(), strict=True):
            if out[p] is None or self.ids[g] < (out[p] or ""):
                out[p] = self.ids[g]  # on a shared edge, the smaller id wins (deterministic)
        missing = np.array([i for i, v in enumerate(out) if v is None], dtype=np.int64)
        if missing.size:
            idx = self._tree.query_nearest(
                geoms[missing], max_distance=NEAREST_FALLBACK_DEG, all_matches=False
            )
            for p, g in zip(idx[0].tolist(), idx[1].tolist(), strict=True):
                out[int(missing[p])] = self.ids[g]
        return out

    def locate(self, latitude: float, longitude: float) -> str | None:
        return self.locate_many([(latitude, longitude)])[0]
