/**
 * "市科协咨询：1. …2. …", "XX学校教务处询问：", "关于推荐高二学生的请示：": a formal header naming who
 * asks (or what a 请示 is about) is a salutation. 咨询 there says the message asks, not that it asks
 * for a contact; the asker is no topic of the asks. Only a header naming a party (a body, an office,
 * a teacher, a parent) or a 请示 "关于…", ending in a colon; or a bracketed title of a consultation
 * ("【XX中学关于…组织架构的咨询】").
 */
export const ASKER_HEADER =
  /^(?:[^\s,，。？?！!:：；;]{0,14}?(科协|管办|管理办公室|办公室|导师|老师|学校|中学|高中|高校|大学|教务处|教研室|处|科|局|厅|家长|学员|学生)(关于[^\s,，。？?！!:：；;]{1,20}?)?(来电|来函)?的?(咨询|询问|问询|提问|请教|来问|请示)|关于[^\s,，。？?！!:：；;]{1,20}的请示)[:：]\s*|^【[^】]{1,40}?(咨询|询问|问询|请教|请示|来函|求助|提问)】[:：]?\s*/

/** A message split at its asker header: the header (when there is one and anything follows it) and the rest. */
export function splitAskerHeader(text: string): { header?: string; body: string } {
  const m = ASKER_HEADER.exec(text)
  if (!m || text.length <= m[0].length) return { body: text }
  // "××中学关于参与中学职责的咨询：1.…": who asks goes, what it is about stays as the topic of the asks.
  const about = /关于([^\s,，。？?！!:：；;【】]{2,20}?)的?(咨询|询问|问询|请教|请示|来函|求助|提问)/.exec(m[0])
  const subject = (about?.[1] ?? '').replace(
    /[“”"‘’《》]|八桂青少年英才培养计划|八桂英才计划|英才计划|本计划|该计划|培养计划|^的|的$/g,
    '',
  )
  const topic = [...subject].length >= 2 ? `关于${subject}：` : ''
  return { header: m[0], body: `${topic}${text.slice(m[0].length)}` }
}

/** The message without its asker header, when anything follows it. */
export function withoutAskerHeader(text: string): string {
  return splitAskerHeader(text).body
}
