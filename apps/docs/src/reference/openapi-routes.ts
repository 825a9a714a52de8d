// Turns an OpenAPI 3.1 document into the routes of the HTTP API reference, each with a curl example.
import { type FieldRow, fieldRows, type JsonSchema, refName } from "./schema-fields";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Route {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  parameters: Parameter[];
  body?: { name: string; fields: FieldRow[] };
  responses: { status: string; description: string; types: string[] }[];
  curl: string;
}

const BASE = "http://localhost:8787";

// Curl examples use a scenario saved as scenario.json and a run id as printed by POST /v1/runs.
function curlFor(method: string, path: string, operation: Operation, bodyName: string | undefined): string {
  const query = (operation.parameters ?? []).filter((p) => p.in === "query" && p.name === "wait");
  const url = `${BASE}${path.replace("{id}", "$RUN_ID")}${query.length > 0 ? "?wait=30" : ""}`;
  if (method === "get") return path.endsWith("/events") ? `curl -N ${url}` : `curl ${url}`;
  const header = `-H 'content-type: application/json'`;
  if (bodyName === "Scenario") return `curl -X POST ${url} ${header} \\\n  -d @scenario.json`;
  if (bodyName === "SweepRequest") {
    return `curl -X POST ${url} ${header} \\\n  -d "{\\"scenario\\": $(cat scenario.json), \\"path\\": \\"workload.arrival.rate\\", \\"values\\": [2, 3, 3.6]}"`;
  }
  return `curl -X ${method.toUpperCase()} ${url} ${header} -d '{}'`;
}

export function openApiRoutes(document: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const schema = operation.requestBody?.content?.["application/json"]?.schema;
      const bodyName = schema?.$ref ? refName(schema.$ref) : undefined;
      const bodySchema = bodyName ? document.components?.schemas?.[bodyName] : schema;
      routes.push({
        id: operation.operationId ?? `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-"),
        method,
        path,
        summary: operation.summary ?? "",
        description: operation.description,
        parameters: operation.parameters ?? [],
        body: schema
          ? {
              name: bodyName ?? "body",
              fields: bodyName === "Scenario" || !bodySchema ? [] : fieldRows(bodySchema),
            }
          : undefined,
        responses: Object.entries(operation.responses ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, response]) => ({
            status,
            description: response.description ?? "",
            types: Object.keys(response.content ?? {}),
          })),
        curl: curlFor(method, path, operation, bodyName),
      });
    }
  }
  return routes;
}
