import { z } from 'zod'

export const announcementAnswer = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  /** Roles it was meant for; empty: everyone. */
  audience: z.array(z.string()),
  sentAt: z.string(),
})

export const announcementsAnswer = z.object({
  items: z.array(announcementAnswer),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
})
