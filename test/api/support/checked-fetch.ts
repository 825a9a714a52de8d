// A fetch for the generated API client that checks every JSON answer against the OpenAPI document
// the server publishes: the response schema of that operation and status, validated with ajv.
// An answer the document does not describe (a status, a content type, a field) fails the test.

import { Ajv2020 } from "ajv/dist/2020.js";

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked as untyped JSON
type Doc = Record<string, any>;

interface Route {
  method: string;
  pattern: RegExp;
  template: string;
}

const DOC_ID = "https://syslab.invalid/openapi.json";

export function checkedFetch(document: Doc): typeof fetch {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...document, $id: DOC_ID });
  const routes: Route[] = Object.entries(document.paths as Doc).flatMap(([template, ops]) =>
    Object.keys(ops as Doc).map((method) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
    })),
  );

  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const url = new URL(request.url);
    const route = routes.find((r) => r.method === request.method && r.pattern.test(url.pathname));
    if (!route) throw new Error(`${request.method} ${url.pathname} is not in the OpenAPI document`);
    const responses = document.paths[route.template][route.method.toLowerCase()].responses as Doc;
    const described = responses[String(response.status)];
    if (!described) {
      throw new Error(
        `${request.method} ${route.template} answered ${response.status}, which the document does not list`,
      );
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = described.content?.[type];
    if (described.content && !media) {
      throw new Error(
        `${route.template} ${response.status} answered ${type}; the document lists ${Object.keys(described.content)}`,
      );
    }
    if (media?.schema && /json$/.test(type)) {
      const body = await response.clone().json();
      const pointer = `${DOC_ID}#/paths/${route.template.replaceAll("~", "~0").replaceAll("/", "~1")}/${route.method.toLowerCase()}/responses/${response.status}/content/${type.replaceAll("/", "~1")}/schema`;
      const validate = ajv.getSchema(pointer);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      if (!validate(body)) {
        throw new Error(
          `${route.template} ${response.status}: the body does not match the document: ${ajv.errorsText(validate.errors)}`,
        );
      }
    }
    return response;
  };
}
