// Who published an imported service and when: "listed by <publisher>, <date>". The
// publisher's edition date also counts as the listing's last verification unless a later
// one is stored (a group's own confirmation is never overwritten by an older edition).
// Parameters:
//   $rows  list of maps {service_id, publisher, edition}: edition is an ISO date (YYYY-MM-DD)
// Returns: created (always 0), matched (services updated).
UNWIND $rows AS row
MATCH (s:Service {id: row.service_id})
SET s.listed_by = row.publisher,
    s.listed_on = row.edition,
    s.last_verified = CASE
      WHEN s.last_verified IS NULL
        OR datetime(toString(s.last_verified)) < datetime(row.edition)
      THEN row.edition
      ELSE s.last_verified
    END
RETURN 0 AS created, count(s) AS matched
