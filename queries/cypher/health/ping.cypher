// Liveness probe. Parameters: none.
RETURN 1 AS ok
