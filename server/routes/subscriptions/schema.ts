import { z } from 'zod'

/** `POST /api/v1/me/subscriptions`: the templates the user accepted in one `wx.requestSubscribeMessage`. */
export const subscribeBody = z.object(
  {
    templateIds: z
      .array(z.string({ message: '须为文字' }).regex(/^[A-Za-z0-9_-]{1,128}$/, '须为订阅消息模板编号'), {
        message: '须为模板编号的列表',
      })
      .min(1, '至少一个模板')
      .max(3, '一次最多 3 个模板（wx.requestSubscribeMessage 一次最多申请 3 个）')
      .refine((ids) => new Set(ids).size === ids.length, '模板不能重复'),
  },
  { message: '请求体须为 JSON 对象' },
)

export const subscriptionsAnswer = z.object({
  /** Per template: how many more subscribe messages may be sent (one per acceptance). */
  items: z.array(z.object({ templateId: z.string(), remaining: z.number() })),
})
