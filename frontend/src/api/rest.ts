// The shapes of the REST answers the UI reads, by name. They come from the server's OpenAPI
// document (api/rest/openapi.json, kept equal to the server by tests/api/test_openapi_snapshot.py)
// through `npm run codegen` (openapi-typescript → generated/rest.ts), so a field renamed or
// removed on the server fails `tsc` here instead of showing `undefined` in a browser.
import type { components } from "./generated/rest";

type Schemas = components["schemas"];

/** A refusal's body (401, 403, 404, 422 from the server's own checks, 429, 503). */
export type ErrorBody = Schemas["ErrorBody"];

/** `GET /api/vocabulary`: every vocabulary, each an ordered list of terms. */
export type Vocabulary = Schemas["VocabularyOut"];
/** One term of a vocabulary: its id, English and Welsh labels, synonyms. */
export type Term = Schemas["TermOut"];

/** `GET /api/analyse/gaps`. */
export type GapsReport = Schemas["GapsReport"];
/** `GET /api/analyse/duplicates`. */
export type DuplicatesReport = Schemas["DuplicatesReport"];
/** `GET /api/analyse/bottlenecks`. */
export type BottlenecksReport = Schemas["BottlenecksReport"];
/** A row of a bottlenecks report's `brokers` or `other_brokers`. */
export type Broker = Schemas["Broker"];

/** `GET /api/postcodes/{postcode}`. */
export type PostcodePoint = Schemas["PostcodePoint"];
/** `GET /api/places/{text}`. */
export type Place = Schemas["PlaceOut"];
/** `GET /api/places/{text}` when nothing is found (404): close names, best first. */
export type UnknownPlace = Schemas["UnknownPlaceOut"];
/** `GET /api/areas/at`. */
export type AreaAt = Schemas["AreaAt"];
/** The properties of each feature of `GET /api/boundaries`. */
export type BoundaryProperties = Schemas["BoundaryProperties"];
