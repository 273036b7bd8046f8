import { describe, expect, it } from 'vitest'
import { pruneConversationsJob } from '../../core/jobs/prune-conversations.job'
import { ConversationState } from '../../entities/conversation-state.entity'
import { ProcessedMessage } from '../../entities/processed-message.entity'
import { testDbKinds } from '../helpers/db'
import { botHarness } from './harness'

describe.each(testDbKinds())('the bot as an operator runs it, on %s', (kind) => {
  it('answers in Chinese, without a stack or the statement, when the database goes away, and recovers on a new one', async () => {
    const h = await botHarness(kind)
    try {
      expect(await h.say('demo-student', '我的进度')).toMatch(/\d+\/10/)
      await h.dataSource.destroy()
      const reply = await h.say('demo-student', '我的进度 13812345678')
      expect(reply).toContain('出了点问题')
      expect(reply).not.toMatch(/Error|SELECT|at \w+ \(/)
      const logged = h.logLines.join('')
      expect(logged).toContain('bot message failed')
      expect(logged).not.toContain('13812345678')
      expect(logged).not.toMatch(/"stack"|at \w+ \(/)
      expect(logged).toMatch(/connection is not open|Connection is not established/)
      await h.dataSource.initialize()
      expect(await h.say('demo-student', '我的进度')).toMatch(/\d+\/10/)
    } finally {
      await h.close()
    }
  })

  it('forgets message ids and idle chats after a week, and keeps the recent ones', async () => {
    const h = await botHarness(kind)
    try {
      await h.send({ senderId: 'old-chat', text: '写成长日志', messageId: 'old-1' })
      await h.send({ senderId: 'demo-student', text: '写成长日志', messageId: 'old-2' })
      h.clock.advance(8 * 86_400_000)
      await h.send({ senderId: 'demo-student', text: '取消', messageId: 'new-1' })
      await pruneConversationsJob.run({ dataSource: h.dataSource, clock: h.clock })
      const ids = (await h.dataSource.getRepository(ProcessedMessage).find()).map((m) => m.messageId)
      expect(ids).toEqual(['new-1'])
      const chats = (await h.dataSource.getRepository(ConversationState).find()).map((c) => c.chatKey)
      expect(chats).toEqual(['demo-student'])
      // A message id forgotten after a week is a new message again; the dialogue it would have continued is gone.
      expect(await h.send({ senderId: 'old-chat', text: '你好', messageId: 'old-1' })).toHaveLength(1)
    } finally {
      await h.close()
    }
  })
})
