// Cost options, languages, needs and taxonomy terms of each service (DataLoader batch).
// Parameters:
//   $ids  list<string>  service ids
// Returns: one row per service id.
UNWIND $ids AS id
MATCH (s:Service {id: id})
RETURN id AS key,
       [(s)-[:HAS_COST_OPTION]->(c:CostOption) |
         c {.option, .amount, .currency, .amount_description}] AS cost_options,
       [(s)-[:HAS_LANGUAGE]->(g:Language) | g {.code, .name}] AS languages,
       [(s)-[:ADDRESSES]->(n:Need) | n {.id, .name}] AS needs,
       [(s)-[:CATEGORISED_AS]->(t:TaxonomyTerm) | t {.id, .code, .name}] AS taxonomy_terms
