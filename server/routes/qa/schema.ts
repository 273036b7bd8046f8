import { z } from 'zod'
import { cohortYear } from '../cohort-param'

/** `POST /api/v1/qa` body (CONTRACT §2). */
export const qaBody = z.object(
  {
    question: z
      .string({ message: '须为文字' })
      .trim()
      .min(1, '不能为空')
      .refine((q) => [...q].length <= 500, '最多 500 个字'),
    cohort: cohortYear.optional(),
  },
  { message: '请求体须为 JSON 对象' },
)
export type QaBody = z.infer<typeof qaBody>
