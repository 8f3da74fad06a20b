// One way to talk to the server: GraphQL documents (src/api/documents/*.graphql, validated
// against the printed schema by tests/browser/test_graphql_documents.py) and a few REST calls.
import { language, t } from "../i18n";
import { apiKey } from "./auth";

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
function fieldAndMessage(text: string, named: string | undefined): { field: string | null; message: string } {
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

export async function gql<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
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
  if (!body.data) throw new ApiError(t("common.error", { message: `HTTP ${response.status}` }));
  return body.data;
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await send(path, { headers: headers() });
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: string; field?: string; detail?: unknown })
    | null;
  if (!response.ok) {
    const text = body?.error ?? (typeof body?.detail === "string" ? body.detail : `HTTP ${response.status}`);
    const { field, message } = fieldAndMessage(text, body?.field);
    throw new ApiError(message, field, String(response.status), body);
  }
  return body as T;
}

/** A typed mutation result: the payload, or a failure the UI shows beside a field. */
export interface Failure {
  __typename: "ValidationError" | "NotFound" | "Forbidden" | "Conflict" | "PossibleDuplicates";
  message: string;
  field?: string;
  currentVersion?: number | null;
  candidates?: { id: string; name: string; distanceKm: number | null; reasons: string[] }[];
}

export function isFailure(value: { __typename: string }): value is Failure {
  return ["ValidationError", "NotFound", "Forbidden", "Conflict", "PossibleDuplicates"].includes(
    value.__typename,
  );
}
