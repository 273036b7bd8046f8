import type { DataSource } from 'typeorm'
import { HandoffTicket } from '../../entities/handoff-ticket.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { requireAccess } from '../policies'

/** The longest question or answer a ticket keeps. */
export const MAX_TICKET_CHARS = 1000

/** Where the asker wrote from: the answer is relayed there, privately. */
export interface Asker {
  channel: string
  senderId: string
  chatId?: string
}

/**
 * Opens a hand-off ticket (`转人工 <问题>`) for anyone, bound or not; its id is the number the
 * asker is given. @throws ValidationError for an empty or too long question.
 */
export async function openTicket(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  asker: Asker,
  question: string,
): Promise<HandoffTicket> {
  const text = question.trim()
  if (!text) throw new ValidationError('question: required')
  if ([...text].length > MAX_TICKET_CHARS) throw new ValidationError(`question: at most ${MAX_TICKET_CHARS} characters`)
  const repo = deps.dataSource.getRepository(HandoffTicket)
  return repo.save(
    repo.create({
      askerId: actor.personId ?? null,
      channel: asker.channel,
      senderId: asker.senderId,
      chatId: asker.chatId ?? null,
      question: text,
      status: 'open',
      answer: null,
      answeredById: null,
      createdAt: deps.clock.now(),
      answeredAt: null,
    }),
  )
}

/** The open tickets, oldest first (at most `limit`), for office staff. @throws ForbiddenError for anyone else. */
export async function listOpenTickets(
  deps: { dataSource: DataSource },
  actor: Actor,
  limit = 20,
): Promise<{ tickets: HandoffTicket[]; total: number }> {
  requireAccess(actor, 'ticket.manage')
  const [tickets, total] = await deps.dataSource
    .getRepository(HandoffTicket)
    .findAndCount({ where: { status: 'open' }, order: { createdAt: 'ASC', id: 'ASC' }, take: limit })
  return { tickets, total }
}

/**
 * Answers an open ticket: the answer is stored, the ticket closed and the answer queued in the
 * outbox for the asker's channel, privately (never into the group they asked from). One
 * transaction; audited.
 * @throws ForbiddenError for anyone but office staff; NotFoundError for an unknown number;
 * ConflictError when the ticket was already answered; ValidationError for an empty answer.
 */
export async function answerTicket(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { id: number; text: string },
): Promise<HandoffTicket> {
  requireAccess(actor, 'ticket.manage')
  const text = input.text.trim()
  if (!text) throw new ValidationError('text: required')
  if ([...text].length > MAX_TICKET_CHARS) throw new ValidationError(`text: at most ${MAX_TICKET_CHARS} characters`)
  const now = deps.clock.now()
  return deps.dataSource.transaction(async (m) => {
    const ticket = await m.findOneBy(HandoffTicket, { id: input.id })
    if (!ticket) throw new NotFoundError(`没有编号为 ${input.id} 的工单`)
    const closed = await m.update(
      HandoffTicket,
      { id: ticket.id, status: 'open' },
      { status: 'answered', answer: text, answeredById: actor.personId ?? null, answeredAt: now },
    )
    if (!closed.affected) throw new ConflictError(`编号 ${ticket.id} 的工单已经回复过了`)
    await m.insert(OutboxMessage, {
      channel: ticket.channel,
      recipient: ticket.senderId,
      payload: JSON.stringify({ text: `【人工回复 · 编号 ${ticket.id}】${text}`, ticketId: ticket.id }),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      idempotencyKey: `ticket:${ticket.id}:answer`,
      lockedBy: null,
      lockedAt: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    })
    await audit(m, actor, 'ticket.answer', `ticket:${ticket.id}`, { length: [...text].length }, now)
    return { ...ticket, status: 'answered', answer: text, answeredAt: now }
  })
}
