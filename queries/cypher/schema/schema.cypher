// The whole graph schema, idempotent: applied by `commongraph` on every start.
// Parameters: none. Every statement uses IF NOT EXISTS, so re-applying changes nothing.
//
// Every node carries :Entity besides its own label, so `node(id:)` and the relationship
// loaders find any node by id through one uniqueness constraint.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_id IF NOT EXISTS FOR (n:Service) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_at_location_id IF NOT EXISTS FOR (n:ServiceAtLocation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_area_id IF NOT EXISTS FOR (n:ServiceArea) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT taxonomy_term_id IF NOT EXISTS FOR (n:TaxonomyTerm) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT taxonomy_id IF NOT EXISTS FOR (n:Taxonomy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schedule_id IF NOT EXISTS FOR (n:Schedule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cost_option_id IF NOT EXISTS FOR (n:CostOption) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT language_id IF NOT EXISTS FOR (n:Language) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT accessibility_id IF NOT EXISTS FOR (n:Accessibility) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:Contact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT funding_id IF NOT EXISTS FOR (n:Funding) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT required_document_id IF NOT EXISTS FOR (n:RequiredDocument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT attribute_id IF NOT EXISTS FOR (n:Attribute) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metadata_id IF NOT EXISTS FOR (n:Metadata) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_identifier_id IF NOT EXISTS FOR (n:OrganizationIdentifier) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT shortlist_id IF NOT EXISTS FOR (n:Shortlist) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (n:Referral) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// API principals and connector records (not :Entity, so node(id:) never returns them).
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;

// Geographic search: assetsNear filters on point.distance over this point index.
CREATE POINT INDEX location_point IF NOT EXISTS FOR (n:Location) ON (n.point);
CREATE POINT INDEX area_centroid IF NOT EXISTS FOR (n:Area) ON (n.centroid);

// Typo-tolerant text search (Lucene, fuzzy terms) over names and descriptions, in English and
// Welsh, and the publisher's alternate name. These replace the indexes service_text and
// organization_text, which left the Welsh and alternate names out: a graph made before is
// moved over by the two DROPs (a no-op on a new graph).
DROP INDEX service_text IF EXISTS;
DROP INDEX organization_text IF EXISTS;
CREATE FULLTEXT INDEX service_search IF NOT EXISTS FOR (n:Service) ON EACH [n.name, n.name_cy, n.alternate_name, n.description, n.description_cy];
CREATE FULLTEXT INDEX organization_search IF NOT EXISTS FOR (n:Organization) ON EACH [n.name, n.name_cy, n.alternate_name, n.description];
// Anything by name (`lookup`): people, organisations, services, teams and areas, in English
// and Welsh, with the publisher's own spelling of a recased name.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Organization|Service|Team|Area) ON EACH [n.name, n.name_cy, n.alternate_name];

// Lookups used by filters and the ORUK endpoints.
CREATE INDEX service_status IF NOT EXISTS FOR (n:Service) ON (n.status);
CREATE INDEX service_last_modified IF NOT EXISTS FOR (n:Service) ON (n.last_modified);
CREATE INDEX entity_source IF NOT EXISTS FOR (n:Entity) ON (n.source);
// Re-importing our own ORUK export finds each record's node by the UUID it was published under.
CREATE INDEX entity_oruk_id IF NOT EXISTS FOR (n:Entity) ON (n.oruk_id);
CREATE INDEX person_tribe IF NOT EXISTS FOR (n:Person) ON (n.tribe);
CREATE INDEX organization_sector IF NOT EXISTS FOR (n:Organization) ON (n.sector);
CREATE INDEX area_kind IF NOT EXISTS FOR (n:Area) ON (n.kind);
CREATE INDEX taxonomy_term_code IF NOT EXISTS FOR (n:TaxonomyTerm) ON (n.code);

// API: key lookup by hash, share links, referrals by status, audit trail by target.
CREATE INDEX api_key_hash IF NOT EXISTS FOR (n:ApiKey) ON (n.key_hash);
CREATE INDEX api_key_person IF NOT EXISTS FOR (n:ApiKey) ON (n.person_id);
CREATE INDEX invitation_code_hash IF NOT EXISTS FOR (n:Invitation) ON (n.code_hash);
CREATE INDEX invitation_person IF NOT EXISTS FOR (n:Invitation) ON (n.person_id);
CREATE INDEX shortlist_token IF NOT EXISTS FOR (n:Shortlist) ON (n.token);
CREATE INDEX shortlist_owner IF NOT EXISTS FOR (n:Shortlist) ON (n.owner_key_id);
CREATE INDEX referral_status IF NOT EXISTS FOR (n:Referral) ON (n.status);
CREATE INDEX audit_event_target IF NOT EXISTS FOR (n:AuditEvent) ON (n.target_id);
CREATE INDEX service_moderation IF NOT EXISTS FOR (n:Service) ON (n.moderation_status);

// The ORUK API finds records by their published UUID when the node id is a source id.
CREATE INDEX service_oruk_id IF NOT EXISTS FOR (n:Service) ON (n.oruk_id);
CREATE INDEX organization_oruk_id IF NOT EXISTS FOR (n:Organization) ON (n.oruk_id);
CREATE INDEX service_at_location_oruk_id IF NOT EXISTS FOR (n:ServiceAtLocation) ON (n.oruk_id);
CREATE INDEX taxonomy_term_oruk_id IF NOT EXISTS FOR (n:TaxonomyTerm) ON (n.oruk_id);
