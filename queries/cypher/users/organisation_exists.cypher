// Whether an organisation with this id exists (a group_editor key must name a real one).
// Parameters:
//   $id  string  organisation id
// Returns: one row, `exists` boolean.
RETURN EXISTS { MATCH (:Organization {id: $id}) } AS exists
