// One way to talk to the server: GraphQL documents (src/api/documents/*.graphql, validated
// against the printed schema by tests/browser/test_graphql_documents.py, typed by codegen)
// through `op`, and a few REST calls through `getJson` (typed by ./generated/rest.ts, which
// openapi-typescript writes from the server's OpenAPI document, every schema named at its root).
import { language, t } from "../i18n";
import { apiKey } from "./auth";
import { documents, type Operations } from "./generated/operations";
import type { ErrorBody } from "./generated/rest";

/** A failure a person can act on; `field` names the input that caused it, when known. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly field: string | null = null,
    readonly code: string | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

function headers(): Record<string, string> {
  const out: Record<string, string> = {
    "content-type": "application/json",
    // The server words its messages (a refused field, too many requests...) in the UI's language.
    "accept-language": language() === "cy" ? "cy, en;q=0.5" : "en",
  };
  const key = apiKey();
  if (key) out.authorization = `Bearer ${key}`;
  return out;
}

/** "radiusKm: must be above 0" → field radiusKm, message "must be above 0". */
export function splitFieldMessage(text: string): { field: string | null; message: string } {
  const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(text);
  return match ? { field: match[1], message: match[2] } : { field: null, message: text };
}

/** The refused field as the server names it (``field``), else as it leads the message. */
function fieldAndMessage(text: string, named: string | null | undefined): { field: string | null; message: string } {
  if (!named) return splitFieldMessage(text);
  const lead = `${named}: `;
  return { field: named, message: text.startsWith(lead) ? text.slice(lead.length) : text };
}

async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    throw new ApiError(t("common.network"), null, "NETWORK");
  }
}

type OperationName = keyof Operations;
/** Variables may be left out when the document needs none. */
type VariablesOf<N extends OperationName> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  {} extends Operations[N]["variables"] ? [variables?: Operations[N]["variables"]] : [variables: Operations[N]["variables"]];

/** Send the document `name` (src/api/documents/<name>.graphql); result and variables are the
 * types generated from the server's schema, so a field the server renames fails the build. */
export async function op<N extends OperationName>(name: N, ...args: VariablesOf<N>): Promise<Operations[N]["result"]> {
  return gql<Operations[N]["result"]>(documents[name], (args[0] ?? {}) as Record<string, unknown>);
}

async function gql<T>(document: string, variables: Record<string, unknown>): Promise<T> {
  const response = await send("/graphql", {
    method: "POST",
    headers: headers(),
    body: JSON.stringify({ query: document, variables }),
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(t("common.error", { message: `HTTP ${response.status}` }));
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const { field, message } = fieldAndMessage(first.message, first.extensions?.field);
    throw new ApiError(message, field, first.extensions?.code ?? null);
  }
  if (!body.data) {
    // A refusal before GraphQL ran (an unknown key, too many requests) is `{error}` with a status.
    const refusal = (body as Partial<ErrorBody>).error;
    throw new ApiError(refusal ?? t("common.error", { message: `HTTP ${response.status}` }), null, String(response.status));
  }
  return body.data;
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await send(path, { headers: headers() });
  const body = (await response.json().catch(() => null)) as
    | (T & Partial<ErrorBody> & { detail?: unknown })
    | null;
  if (!response.ok) {
    const text = body?.error ?? (typeof body?.detail === "string" ? body.detail : `HTTP ${response.status}`);
    const { field, message } = fieldAndMessage(text, body?.field);
    throw new ApiError(message, field, String(response.status), body);
  }
  return body as T;
}

/** The typed failures a mutation or `node` can answer with instead of its payload. */
export type FailureName = "ValidationError" | "NotFound" | "Forbidden" | "Conflict" | "PossibleDuplicates";

/** A failure a person can act on, with the fields its document selected. */
export type Failure<T extends { __typename: string } = { __typename: FailureName; message: string }> = Extract<
  T,
  { __typename: FailureName }
>;

export function isFailure<T extends { __typename: string }>(value: T): value is Failure<T> {
  return ["ValidationError", "NotFound", "Forbidden", "Conflict", "PossibleDuplicates"].includes(value.__typename);
}

/** The field a typed failure names, when it names one (only `ValidationError` does). */
export function failureField(value: { __typename: string }): string | null {
  return "field" in value && typeof value.field === "string" ? value.field : null;
}

/** The payload of a typed result; a failure is thrown as an ApiError with its message, field
 * and kind (the failure itself in `body`, for callers that show its details). */
export function payloadOf<T extends { __typename: string }>(value: T): Exclude<T, { __typename: FailureName }> {
  if (isFailure(value)) {
    const message = "message" in value && typeof value.message === "string" ? value.message : value.__typename;
    throw new ApiError(message, failureField(value), value.__typename, value);
  }
  return value as Exclude<T, { __typename: FailureName }>;
}
