import { z } from 'zod'

const platformCode = z
  .string({ message: '须为文字' })
  .trim()
  .min(1, '不能为空')
  .max(256, '过长')
  .regex(/^[\x21-\x7e]+$/, '格式不对')

/** `POST /api/v1/auth/wx-login` and `wecom-login`: the code the platform gave the client. */
export const loginBody = z.object({ code: platformCode }, { message: '请求体须为 JSON 对象' })

/** `POST /api/v1/auth/dev-login`: a demo handle (CONTRACT §5). */
export const devLoginBody = z.object(
  { handle: z.string({ message: '须为文字' }).trim().min(1, '不能为空').max(64, '过长') },
  { message: '请求体须为 JSON 对象' },
)

/** `POST /api/v1/auth/bind`: the invite code the school or the office handed out. */
export const bindBody = z.object(
  {
    code: z
      .string({ message: '须为文字' })
      .trim()
      .regex(/^[A-Za-z0-9-]{4,32}$/, '邀请码由 4 到 32 位字母和数字组成'),
  },
  { message: '请求体须为 JSON 对象' },
)

export const sessionAnswer = z.object({ token: z.string(), bound: z.boolean() })
export const bindAnswer = z.object({ bound: z.literal(true), id: z.string(), role: z.string() })
