import { describe, expect, it } from 'vitest'
import { QuestionReview } from '../../entities/question-review.entity'
import { createLogger } from '../../core/logger'
import { ReviewRecorder } from '../../core/knowledge/question-reviews'
import { testDataSource, testDbKinds } from '../helpers/db'

describe.each(testDbKinds())('questions kept for review (%s)', (kind) => {
  it('are written in full, masked, and read back as the entity sees them, however many come at once', async () => {
    const db = await testDataSource(kind)
    try {
      const reviews = new ReviewRecorder(db.dataSource, createLogger('silent'))
      // Whole seconds: MySQL's datetime column keeps no fraction.
      const at = new Date('2024-03-15T02:03:04Z')
      for (let i = 0; i < 250; i++) {
        reviews.record({
          cohortYear: i % 2 ? 2023 : 2024,
          question: `第${i}问：我的电话是13812345678，明天天气怎么样`,
          intent: 'out_of_scope',
          confidence: 0.62,
          answer: '抱歉，这个问题超出了我的范围。',
          createdAt: new Date(at.getTime() + i * 1000),
        })
      }
      await reviews.close()
      const rows = await db.dataSource.getRepository(QuestionReview).find({ order: { id: 'ASC' } })
      expect(rows).toHaveLength(250)
      expect(rows[7]).toMatchObject({
        cohortYear: 2023,
        intent: 'out_of_scope',
        confidence: 0.62,
        answer: '抱歉，这个问题超出了我的范围。',
        reviewedAt: null,
      })
      expect(rows[7]?.question).toMatch(/^第7问：我的电话是.*明天天气怎么样$/)
      expect(rows[7]?.question).not.toContain('13812345678')
      expect(rows[7]?.createdAt.toISOString()).toBe('2024-03-15T02:03:11.000Z')
      expect(rows.map((r) => r.question.match(/^第(\d+)问/)?.[1])).toEqual(rows.map((_, i) => String(i)))
    } finally {
      await db.close()
    }
  })
})
