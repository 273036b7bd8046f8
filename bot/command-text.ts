/**
 * The form of a message that commands and dialogue answers are matched against: what people
 * add around a command in a chat is taken off — emoji, a greeting or a please in front
 * (`老师好，`, `请`, `麻烦`), sentence-final particles and punctuation at the end (`吧`, `呀`,
 * `~`, `！`) — and full-width letters, digits and spaces become half-width. Questions are
 * answered from the original text; this form only decides which command a message is.
 */
export function commandText(text: string): string {
  let s = text
    .replace(/[\uFF01-\uFF5E]/g, (c) => (c === '，' || c === '：' ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\u3000|\u2005/g, ' ')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, '')
    .replace(/\[[^\]\s]{1,4}\]/g, '')
    .trim()
  for (let i = 0; i < 3; i++) {
    const before = s
    s = s
      .replace(/^(?:你好|您好|老师好|老师|在吗|hi|hello|嗨|哈喽|小助手|助手)[，,！!。.~\s]*/i, '')
      .replace(/^(?:请问|请|麻烦你?|劳驾)\s*/, '')
      .replace(/[\s。.!！~～…,，]+$/, '')
      .replace(/(?<=\S)(?:吧|呀|啊|哈|啦|哦|噢|喔|嘞|咯)+$/, '')
      .trim()
    if (s === before) break
  }
  return s
}
