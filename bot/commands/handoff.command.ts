import { answerTicket, listOpenTickets, openTicket } from '../../core/tickets/handoff'
import { beijingDate } from '../../core/time'
import { say } from '../types'
import { asWritten, type Command } from './command'

const SAY = {
  usage: '请把问题写在“转人工”后面，例如：转人工 孩子下周要考试，能不能请假一次校园活动？',
  opened: (id: number) => `已转给管理办公室的老师，工单编号 ${id}。老师回复后我会转告你；查询时请提供这个编号。`,
  none: '目前没有待处理的人工工单。',
  list: (total: number, shown: number) =>
    `待处理的人工工单共 ${total} 条${total > shown ? `（先显示最早的 ${shown} 条）` : ''}：`,
  replyHint: '回复格式：回复 编号 内容，例如：回复 3 可以请假，请提前告诉导师。',
  replyUsage: '请按“回复 编号 内容”的格式发送，例如：回复 3 可以请假，请提前告诉导师。',
  answered: (id: number) => `已回复编号 ${id} 的工单，答复会转给提问人。`,
}

const HANDOFF =
  /^(?:我要|我想|请|帮我)?(?:转人工|人工客服|人工服务|找人工|联系人工|转接人工)(?:\s*[:：，,]?\s*([\s\S]*))?$/
const ANSWER = /^回复(?:\s*(?:编号|#|＃)?\s*(\d+)(?:\s*[:：]?\s*([\s\S]*))?)?$/

/** 转人工 <问题>: anyone hands a question to the office and gets a ticket number. */
export const handoffCommand: Command = {
  name: 'handoff',
  description: 'opens a ticket for the office, numbered, answered later with 回复',
  usage: '转人工 问题 — 请管理办公室的老师回答',
  match: (text) => HANDOFF.exec(text),
  async run(ctx, formMatch) {
    const question = (asWritten(HANDOFF, ctx.msg.text, formMatch)?.[1] ?? '').trim()
    if (!question) return say(SAY.usage)
    const { channel, senderId, chatId } = ctx.msg
    const ticket = await openTicket(ctx.deps, ctx.actor, { channel, senderId, chatId }, question)
    return say(SAY.opened(ticket.id))
  },
}

/** 待处理: office staff list the open tickets. */
export const openTicketsCommand: Command = {
  name: 'open_tickets',
  description: 'lists open hand-off tickets for office staff, oldest first',
  usage: '待处理 — 查看待处理的人工工单',
  needsBinding: true,
  action: 'ticket.manage',
  match: (text) => /^(?:待处理|待办|工单|人工工单|查看工单|待处理工单|待回复)$/.exec(text),
  async run(ctx) {
    const { tickets, total } = await listOpenTickets(ctx.deps, ctx.actor)
    if (total === 0) return say(SAY.none)
    const lines = tickets.map((t) => {
      const question = [...t.question].length > 60 ? `${[...t.question].slice(0, 60).join('')}…` : t.question
      return `编号 ${t.id}｜${beijingDate(t.createdAt).slice(5)}｜${question}`
    })
    return say([SAY.list(total, tickets.length), ...lines, SAY.replyHint].join('\n'))
  },
}

/** 回复 <编号> <内容>: office staff answer a ticket; the answer is relayed to the asker. */
export const answerTicketCommand: Command = {
  name: 'answer_ticket',
  description: 'office staff answer an open ticket; the answer goes to the asker through the outbox',
  usage: '回复 编号 内容 — 回复一条人工工单',
  needsBinding: true,
  action: 'ticket.manage',
  match: (text) => ANSWER.exec(text),
  async run(ctx, formMatch) {
    const match = asWritten(ANSWER, ctx.msg.text, formMatch)
    const id = Number(match?.[1])
    const text = (match?.[2] ?? '').trim()
    if (!id || !text) return say(SAY.replyUsage)
    await answerTicket(ctx.deps, ctx.actor, { id, text })
    return say(SAY.answered(id))
  },
}
