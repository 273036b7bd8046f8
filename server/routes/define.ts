import type Router from '@koa/router'
import type { Context } from 'koa'
import type { z } from 'zod'
import { AppError, ValidationError } from '../../core/errors'
import { describeIssue } from '../../core/validation'
import type { Authenticator, AuthState } from '../middlewares/auth'
import { readBytes } from '../middlewares/body'

/** Who may call a route: anyone, anyone signed in (bound or not), or a signed-in person (bound to a record). */
export type Access = 'public' | 'signed-in' | 'person'

type Schema = z.ZodType | undefined
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined

/** One route as the API documents it and validates it: the OpenAPI document is built from these. */
export interface RouteSpec<B extends Schema = Schema, Q extends Schema = Schema, P extends Schema = Schema> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** The router's path, e.g. `/api/v1/students/:id/progress`. */
  path: string
  summary: string
  tag: string
  access: Access
  body?: B
  query?: Q
  params?: P
  /** The success answer's shape, for the document only. */
  response?: z.ZodType
  /** The success status (200 unless said). */
  status?: number
  /**
   * The request body is not JSON (e.g. an .xlsx upload): its media type. The JSON parser leaves
   * such a request alone; the route reads the bytes (at most `rawBodyLimit`, 413 beyond) and
   * refuses another Content-Type with 415.
   */
  rawBody?: string
  /** The most bytes a raw body may have (default 1 MiB). */
  rawBodyLimit?: number
  /** The answer is not JSON (e.g. an .xlsx export): its media type, for the document. */
  rawResponse?: string
}

/** What a handler receives: the validated parts of the request and, on signed-in routes, who is calling. */
export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Parsed<B>
  query: Parsed<Q>
  params: Parsed<P>
  /** The bytes of a raw body (routes with `rawBody`), else undefined. */
  raw: Buffer | undefined
  auth: AuthState
  ctx: Context
}

/**
 * The API's routes: each registered with its spec, so that validation (zod, one Chinese line per
 * problem, 400 `validation`), sign-in (401) and the OpenAPI document come from one place.
 */
export class Api {
  readonly specs: RouteSpec[] = []
  /** `METHOD path` of the routes that read their own (non-JSON) body. */
  private readonly rawRoutes = new Set<string>()

  constructor(
    private readonly router: Router,
    private readonly auth: Authenticator,
  ) {}

  /** Registers a route; the handler's return value is the JSON answer (undefined: 204). */
  route<B extends Schema, Q extends Schema, P extends Schema>(
    spec: RouteSpec<B, Q, P>,
    handler: (input: RouteInput<B, Q, P>) => Promise<unknown>,
  ): void {
    this.specs.push(spec as RouteSpec)
    if (spec.rawBody) this.rawRoutes.add(`${spec.method.toUpperCase()} ${spec.path}`)
    this.router[spec.method](spec.path, async (ctx: Context) => {
      const auth = spec.access === 'public' ? { actor: { roles: [] } } : await this.auth.authenticate(ctx, spec.access)
      const params = parse(spec.params, ctx.params, 'params')
      const query = parse(spec.query, ctx.query, 'query')
      const body = spec.rawBody ? undefined : parse(spec.body, (ctx.request as { body?: unknown }).body, 'body')
      const raw = spec.rawBody
        ? await readRawBody(ctx, spec.rawBody, spec.rawBodyLimit ?? DEFAULT_RAW_LIMIT)
        : undefined
      const answer = await handler({ body, query, params, raw, auth, ctx } as RouteInput<B, Q, P>)
      if (ctx.body !== undefined && ctx.body !== null) return
      if (answer === undefined) {
        ctx.status = 204
        return
      }
      ctx.status = spec.status ?? 200
      ctx.body = answer
    })
  }

  /** Whether the request goes to a route that reads its own body (for the JSON parser to leave it alone). */
  takesRawBody(ctx: Context): boolean {
    if (this.rawRoutes.size === 0) return false
    return this.router
      .match(ctx.path, ctx.method)
      .pathAndMethod.some((layer) => this.rawRoutes.has(`${ctx.method} ${layer.path}`))
  }

  /** Documents a route registered elsewhere (the question routes, health), so the document lists it too. */
  document(spec: RouteSpec): void {
    this.specs.push(spec)
  }
}

const DEFAULT_RAW_LIMIT = 1024 * 1024

/**
 * The bytes of a raw request body of the declared media type.
 * @throws AppError 415 for another Content-Type, 413 beyond `limit` bytes.
 */
async function readRawBody(ctx: Context, mediaType: string, limit: number): Promise<Buffer> {
  const type = ctx.get('content-type').split(';')[0]?.trim().toLowerCase()
  if (type !== mediaType && type !== 'application/octet-stream') {
    throw new AppError(
      'unsupported_media_type',
      `请求体须为 ${describeMedia(mediaType)}（Content-Type: ${mediaType}）`,
      415,
    )
  }
  const declared = Number(ctx.get('content-length') || 0)
  if (declared > limit) throw new AppError('too_large', `文件过大（上限 ${Math.floor(limit / 1024)} KB）`, 413)
  return readBytes(ctx.req, limit)
}

function describeMedia(mediaType: string): string {
  return mediaType.includes('spreadsheetml') ? 'Excel 文件（.xlsx）' : mediaType
}

function parse(schema: z.ZodType | undefined, raw: unknown, part: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined
  const parsed = schema.safeParse(raw ?? (part === 'body' ? undefined : {}))
  if (!parsed.success) throw new ValidationError(describeIssue(parsed.error, raw))
  return parsed.data
}
