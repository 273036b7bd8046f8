import type Router from '@koa/router'
import { z } from 'zod'
import type { Api, RouteSpec } from '../define'

const errorShape = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string', description: '给人看的中文说明' } },
    },
  },
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

function parameters(spec: RouteSpec): Array<Record<string, unknown>> {
  const list: Array<Record<string, unknown>> = []
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue
    const shape = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
    for (const [name, property] of Object.entries(shape.properties ?? {}))
      list.push({
        name,
        in: where,
        required: where === 'path' || (shape.required ?? []).includes(name),
        schema: property,
      })
  }
  return list
}

function operation(spec: RouteSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    [String(spec.status ?? 200)]: {
      description: 'OK',
      ...(spec.rawResponse
        ? { content: { [spec.rawResponse]: { schema: { type: 'string', format: 'binary' } } } }
        : spec.response
          ? { content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }
          : {}),
    },
    '400': { description: '请求不合规', content: { 'application/json': { schema: errorShape } } },
  }
  if (spec.access !== 'public') {
    responses['401'] = { description: '未登录或凭证无效', content: { 'application/json': { schema: errorShape } } }
    responses['403'] = { description: '无权操作', content: { 'application/json': { schema: errorShape } } }
  }
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.access === 'public' ? { security: [] } : {}),
    parameters: parameters(spec),
    ...(spec.rawBody
      ? {
          requestBody: {
            required: true,
            content: { [spec.rawBody]: { schema: { type: 'string', format: 'binary' } } },
          },
        }
      : spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
            },
          }
        : {}),
    responses,
  }
}

/** The OpenAPI 3.1 document of every route registered through `api`, from the zod schemas they validate with. */
export function openApiDocument(api: Api): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const spec of api.specs) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}')
    paths[path] ??= {}
    ;(paths[path] as Record<string, unknown>)[spec.method] = operation(spec)
  }
  return {
    openapi: '3.1.0',
    info: { title: '八桂英才助手 API', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  }
}

/** `GET /openapi.json`: built once, on the first request, after every route is registered. */
export function openApiRoute(router: Router, api: Api): void {
  let document: Record<string, unknown> | undefined
  router.get('/openapi.json', (ctx) => {
    document ??= openApiDocument(api)
    ctx.body = document
  })
}
