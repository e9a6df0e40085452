import { z } from 'zod';
import { neededRole, type RouteSpec } from './routes.js';

type Json = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the `$schema` key. Definitions zod puts in
 * `$defs` (recursive or repeated parts) move to the document's components under `prefix`, and their references
 * follow them.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', prefix: string, components: Json): Json {
  const {
    $schema: _,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json & {
    $defs?: Json;
  };
  const moved = (text: string) =>
    text.replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${prefix}_${name}"`);
  for (const [name, def] of Object.entries($defs ?? {}))
    components[`${prefix}_${name}`] = JSON.parse(moved(JSON.stringify(def))) as Json;
  return JSON.parse(moved(JSON.stringify(rest))) as Json;
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

/** A unique name for a route's operation: its method and path in camel case (getReleasesADiffB). */
const operationId = (spec: RouteSpec) =>
  `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch?: string) => (ch ?? '').toUpperCase())}`;

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});

function operation(spec: RouteSpec, components: Json): Json {
  const id = operationId(spec);
  const parameters: Json[] = [];
  for (const [, name] of spec.path.matchAll(/:([A-Za-z_]+)/g))
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  if (spec.query) {
    const query = schemaOf(spec.query, 'input', `${id}_query`, components) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema as Json & { description?: string };
      parameters.push({
        name,
        in: 'query',
        required: (query.required ?? []).includes(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  const role = neededRole(spec);
  const status = String(spec.status ?? 200);
  const responses: Json = {
    [status]: {
      description: 'success',
      content: spec.produces
        ? { [spec.produces]: { schema: spec.produces.includes('json') ? {} : { type: 'string' } } }
        : {
            'application/json': {
              schema: spec.response ? schemaOf(spec.response, 'output', `${id}_response`, components) : {},
            },
          },
    },
    '400': errorResponse('a parameter or the body breaks a documented rule'),
    '503': errorResponse('the query took longer than the time limit'),
  };
  if (spec.path.includes(':')) responses['404'] = errorResponse('no such item');
  if (role) {
    responses['401'] = errorResponse('not signed in, or a bad API token');
    responses['403'] = errorResponse(`needs the ${role} role (or a missing CSRF token)`);
  }
  if (spec.method === 'patch' || spec.path.includes('/merge') || spec.path.includes('/split'))
    responses['409'] = errorResponse('the item changed since the version you sent');
  if (spec.public) responses['429'] = errorResponse('too many tries; wait for Retry-After seconds');
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId: id,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaOf(spec.body, 'input', `${id}_body`, components) },
            },
          },
        }
      : {}),
    responses,
    ...(role ? { security: [{ token: [] }, { session: [] }], 'x-role': role } : {}),
  };
}

/** The OpenAPI 3.1 document of the API, made from the routes' own schemas. */
export function openApiDocument(specs: RouteSpec[], version: string): Json {
  const paths: Record<string, Json> = {};
  const schemas: Json = {};
  for (const spec of specs) {
    const path = openApiPath(spec.path);
    paths[path] = { ...(paths[path] ?? {}), [spec.method]: operation(spec, schemas) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Puente API',
      version,
      summary:
        'Sourced, versioned claims about Chinese investment and cooperation in Latin America and the Caribbean',
      description:
        'Every figure comes with its source and the exact span of text that states it. Anyone may read; writes need an editor (releases an admin), signed in with a session cookie plus the X-CSRF-Token header, or an API token. Lists page with `limit` and the `next` cursor; their `.json`, `.csv`, `.xlsx` (and `.geojson` for projects) twins give every matching row up to 100,000.',
      license: { name: 'MIT (code); data licences in data/README.md', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(specs.map((s) => s.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        ...schemas,
        Error: {
          type: 'object',
          required: ['ok', 'error'],
          properties: {
            ok: { const: false },
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' } },
            },
          },
        },
      },
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer', description: 'an API token: puente token create USER' },
        session: { type: 'apiKey', in: 'cookie', name: 'puente_session' },
      },
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Escaped text with its `code` spans set as code. */
const prose = (s: string) => escape(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** A readable page of the API: every route by tag, with its parameters and who may call it. */
export function docsPage(doc: Json): string {
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths))
    for (const [method, op] of Object.entries(ops)) {
      const params = ((op.parameters as Json[] | undefined) ?? [])
        .map(
          (p) =>
            `<li><code>${escape(String(p.name))}</code> (${escape(String(p.in))}${p.required ? ', required' : ''})${
              p.description ? `: ${escape(String(p.description))}` : ''
            }</li>`,
        )
        .join('');
      const role = op['x-role'] ? `<p class="role">needs: ${escape(String(op['x-role']))}</p>` : '';
      const body = op.requestBody ? '<p>Body: JSON (see the OpenAPI document).</p>' : '';
      const tag = (op.tags as string[])[0] ?? 'other';
      const html = `<section id="${escape(String(op.operationId))}"><h3><span class="method">${method.toUpperCase()}</span> <code>/api/v1${escape(path)}</code></h3><p>${prose(String(op.summary))}</p>${op.description ? `<p>${prose(String(op.description))}</p>` : ''}${role}${params ? `<ul>${params}</ul>` : ''}${body}</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  const info = doc.info as { title: string; version: string; description: string };
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>${ops.join('')}`)
    .join('');
  const toc = [...byTag.keys()].map((t) => `<a href="#tag-${escape(t)}">${escape(t)}</a>`).join(' · ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)} ${escape(info.version)}</title><link rel="stylesheet" href="/api/docs.css"><link rel="icon" href="data:,"></head><body><main><h1>${escape(info.title)} <small>${escape(info.version)}</small></h1><p>${prose(info.description)}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p><nav>${toc}</nav>${sections}</main></body></html>`;
}

/** The docs page's style sheet (served from /api/docs.css: the Content-Security-Policy forbids inline styles). */
export const docsCss = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}h2{border-bottom:2px solid #ddd;margin-top:2.5rem}section{border-top:1px solid #eee;padding:.5rem 0}h3{font-size:1.05rem;margin:.5rem 0}.method{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b5394}.role{color:#8a3b00}code{font-family:ui-monospace,monospace}a{color:#0b5394}`;
