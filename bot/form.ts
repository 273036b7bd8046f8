import { randomUUID } from 'node:crypto'
import { commandText } from './command-text'
import type { Dialogue, Flow, Reply, Turn, TurnContext } from './types'

/** A field a form asks for: its prompt, the words people use for it in `修改 <字段>`, and its parser. */
export interface Slot {
  name: string
  /** How people name the field (日期, 时间 …); the first is shown in lists. */
  labels: string[]
  prompt: string
  /** The cleaned value, or what to fix (shown before the prompt again). */
  parse(text: string, ctx: TurnContext): { value: string } | { error: string }
}

/** A form: slots asked one by one, a summary to confirm, and what confirming does. */
export interface Form {
  name: string
  title: string
  cancelled: string
  slots: Slot[]
  /** The summary shown before confirmation (the runner adds how to confirm, change or cancel). */
  summary(values: Record<string, string>, ctx: TurnContext): string
  /** Saves the form. `formId` is stable for one filling, so a retried confirmation saves once. */
  submit(ctx: TurnContext, values: Record<string, string>, formId: string): Promise<Turn>
}

const CONFIRM =
  /^(?:确认|确定|确认无误|确认保存|确认提交|没问题|无误|保存|提交|好的?|是的?|对的?|可以|ok|yes|y)(?:了|一下|保存|提交)?$/i
const EDIT = /^(?:修改|更改|改一下|重填|改)\s*(.*)$/
const CONFIRM_HINT = '回复“确认”保存；要改某一项，回复“修改 地点”这样的话；回复“取消”放弃。'

/** The slot a `修改 <字段>` names, by its labels. */
function slotNamed(form: Form, words: string): Slot | undefined {
  const w = words.replace(/\s+/g, '')
  if (!w) return undefined
  return form.slots.find((s) => s.labels.some((l) => w.includes(l) || l.includes(w)))
}

function confirmation(form: Form, values: Record<string, string>, ctx: TurnContext): Reply {
  return { text: `${form.summary(values, ctx)}\n${CONFIRM_HINT}`, choices: ['确认', '取消'] }
}

/** The form as a Flow, plus `start` to open it. The engine handles 取消 and expiry; the form handles 修改 and 确认. */
export function formFlow(spec: Form): Flow & { start(ctx: TurnContext): Turn } {
  const first = spec.slots[0] as Slot
  const fieldList = spec.slots.map((s) => s.labels[0]).join('、')
  const dialogue = (step: string, values: Record<string, string>, extra: Record<string, unknown>): Dialogue => ({
    flow: spec.name,
    step,
    data: { ...extra, values },
  })

  return {
    name: spec.name,
    title: spec.title,
    cancelled: spec.cancelled,
    start() {
      return { replies: [{ text: first.prompt }], dialogue: dialogue(first.name, {}, { formId: randomUUID() }) }
    },
    async continue(ctx, current, text) {
      const values = { ...((current.data.values as Record<string, string>) ?? {}) }
      const formId = String(current.data.formId ?? randomUUID())
      const answer = text.trim()
      const form = commandText(answer)

      // 修改 <字段> names a field in a few characters; an answer that merely begins with 改 (改进了实验方法) is an answer.
      const edit = EDIT.exec(form)
      const field = edit?.[1]?.replace(/\s+/g, '') ?? ''
      const slot = edit && field.length <= 6 ? slotNamed(spec, field) : undefined
      if (slot) return { replies: [{ text: slot.prompt }], dialogue: dialogue(slot.name, values, { formId }) }
      if (edit && (field === '' || current.step === 'confirm')) {
        const example = spec.slots[1]?.labels[0] ?? first.labels[0]
        return { replies: [{ text: `可以修改的有：${fieldList}。例如回复“修改 ${example}”。` }], dialogue: current }
      }

      if (current.step === 'confirm') {
        if (CONFIRM.test(form)) return spec.submit(ctx, values, formId)
        return { replies: [confirmation(spec, values, ctx)], dialogue: current }
      }

      const asked = spec.slots.find((s) => s.name === current.step) ?? first
      const parsed = asked.parse(answer, ctx)
      if ('error' in parsed) return { replies: [{ text: `${parsed.error}\n${asked.prompt}` }], dialogue: current }
      values[asked.name] = parsed.value
      // After a 修改 the filled fields are not asked again: the form goes on to the first empty one, or to confirmation.
      const next = spec.slots.find((s) => values[s.name] === undefined)
      if (next) return { replies: [{ text: next.prompt }], dialogue: dialogue(next.name, values, { formId }) }
      return { replies: [confirmation(spec, values, ctx)], dialogue: dialogue('confirm', values, { formId }) }
    },
  }
}
