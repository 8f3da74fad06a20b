// Model 2: share links expire. Shortlists made before that get expires_at = created_at + 90
// days (what shortlist_by_token assumes for them anyway), so every list states its expiry.
// Parameters: none.
// Returns: nothing.
MATCH (sh:Shortlist)
WHERE sh.expires_at IS NULL AND sh.created_at IS NOT NULL
SET sh.expires_at = toString(datetime(sh.created_at) + duration('P90D'))
