// Coordinates of every location, in id order, to draw benchmark centres from.
// Parameters: none.
MATCH (l:Location)
WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
RETURN l.latitude AS latitude, l.longitude AS longitude
ORDER BY l.id
