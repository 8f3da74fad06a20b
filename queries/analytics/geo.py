"""Great-circle distances and radius joins on the sphere (numpy + scipy KD-tree)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "pairs_within_km", "unit_vectors"]

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> Any:
    """Great-circle distance in km between points given in degrees (numpy-broadcast).

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array_like
        Latitudes and longitudes in decimal degrees.

    Returns
    -------
    float or numpy.ndarray
        Distances on a sphere of radius :data:`EARTH_RADIUS_KM`.

    Notes
    -----
    Haversine formula, numerically stable for small distances. O(1) per pair.

    References
    ----------
    .. [1] R. W. Sinnott, "Virtues of the haversine", Sky and Telescope 68(2):159, 1984.

    Examples
    --------
    >>> round(float(haversine_km(51.4816, -3.1791, 51.4545, -2.5879)), 1)  # Cardiff-Bristol
    41.1
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2) - np.radians(lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    d = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return float(d) if np.ndim(d) == 0 else d


def unit_vectors(lat: ArrayLike, lon: ArrayLike) -> NDArray[np.float64]:
    """Points in degrees as rows of 3-D unit vectors (x, y, z)."""
    phi = np.radians(np.asarray(lat, dtype=np.float64))
    lmb = np.radians(np.asarray(lon, dtype=np.float64))
    cos_phi = np.cos(phi)
    return np.column_stack([cos_phi * np.cos(lmb), cos_phi * np.sin(lmb), np.sin(phi)])


def pairs_within_km(
    lat_a: ArrayLike,
    lon_a: ArrayLike,
    lat_b: ArrayLike,
    lon_b: ArrayLike,
    radius_km: float,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """Every pair (i in A, j in B) at most ``radius_km`` apart, with its distance.

    Parameters
    ----------
    lat_a, lon_a, lat_b, lon_b : array_like
        Coordinates in degrees of the two point sets.
    radius_km : float

    Returns
    -------
    (i, j, d) : tuple of numpy arrays
        Indices into A and B and great-circle distances in km, sorted by (i, j).

    Notes
    -----
    Points become 3-D unit vectors; great-circle distance is a monotone function of chord
    length, ``d = 2R·asin(c/2)``, so a KD-tree ball query with chord radius
    ``2·sin(r / 2R)`` is exact. Building the trees is O((|A| + |B|) log), the query is
    output-sensitive.
    """
    from scipy.spatial import cKDTree

    va, vb = unit_vectors(lat_a, lon_a), unit_vectors(lat_b, lon_b)
    empty = (
        np.empty(0, dtype=np.int64),
        np.empty(0, dtype=np.int64),
        np.empty(0, dtype=np.float64),
    )
    if len(va) == 0 or len(vb) == 0 or radius_km < 0:
        return empty
    chord = 2 * np.sin(min(radius_km / (2 * EARTH_RADIUS_KM), np.pi / 2))
    coo = cKDTree(va).sparse_distance_matrix(
        cKDTree(vb), chord * (1 + 1e-12), output_type="ndarray"
    )
    i = coo["i"].astype(np.int64)
    j = coo["j"].astype(np.int64)
    d = 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(coo["v"] / 2, 0.0, 1.0))
    keep = d <= radius_km
    i, j, d = i[keep], j[keep], d[keep]
    order = np.lexsort((j, i))
    return i[order], j[order], d[order]
