import type Router from '@koa/router'
import type { Context } from 'koa'
import type { z } from 'zod'
import { ValidationError } from '../../core/errors'
import { describeIssue } from '../../core/validation'
import type { Authenticator, AuthState } from '../middlewares/auth'

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
  /** The request body is not JSON (e.g. an .xlsx upload): its media type, for the document. */
  rawBody?: string
  /** The answer is not JSON (e.g. an .xlsx export): its media type, for the document. */
  rawResponse?: string
}

/** What a handler receives: the validated parts of the request and, on signed-in routes, who is calling. */
export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Parsed<B>
  query: Parsed<Q>
  params: Parsed<P>
  auth: AuthState
  ctx: Context
}

/**
 * The API's routes: each registered with its spec, so that validation (zod, one Chinese line per
 * problem, 400 `validation`), sign-in (401) and the OpenAPI document come from one place.
 */
export class Api {
  readonly specs: RouteSpec[] = []

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
    this.router[spec.method](spec.path, async (ctx: Context) => {
      const auth = spec.access === 'public' ? { actor: { roles: [] } } : await this.auth.authenticate(ctx, spec.access)
      const params = parse(spec.params, ctx.params, 'params')
      const query = parse(spec.query, ctx.query, 'query')
      const body = spec.rawBody ? undefined : parse(spec.body, (ctx.request as { body?: unknown }).body, 'body')
      const answer = await handler({ body, query, params, auth, ctx } as RouteInput<B, Q, P>)
      if (ctx.body !== undefined && ctx.body !== null) return
      if (answer === undefined) {
        ctx.status = 204
        return
      }
      ctx.status = spec.status ?? 200
      ctx.body = answer
    })
  }

  /** Documents a route registered elsewhere (the question routes, health), so the document lists it too. */
  document(spec: RouteSpec): void {
    this.specs.push(spec)
  }
}

function parse(schema: z.ZodType | undefined, raw: unknown, part: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined
  const parsed = schema.safeParse(raw ?? (part === 'body' ? undefined : {}))
  if (!parsed.success) throw new ValidationError(describeIssue(parsed.error, raw))
  return parsed.data
}
