import type { Actor } from '../actor'
import { requireAccess } from '../policies'
import { ROSTER_COLUMNS } from './columns'
import { buildWorkbook } from './workbook'

/**
 * The empty roster workbook the office fills in: the header row on the first sheet, and a 说明
 * sheet saying what each column takes and how a student is recognised on a later import.
 * @throws ForbiddenError for those who may not import.
 */
export function rosterTemplate(actor: Actor): Promise<Buffer> {
  requireAccess(actor, 'roster.import')
  return buildWorkbook(
    '名册',
    ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.key === 'school' ? 24 : 12 })),
    [],
    [
      '八桂青少年英才培养计划 · 学员名册导入说明',
      '第一个工作表的第 1 行是表头，从第 2 行起每行一位学生；其他工作表不读取。',
      ...ROSTER_COLUMNS.map((c) => `「${c.header}」${c.note}${c.example ? `，例如：${c.example}` : ''}`),
      '同一期中，“所在市 + 学校 + 学生姓名”相同即为同一位学生：再次导入会更新这位学生，不会重复添加。',
      '家长按手机号识别（兄弟姐妹可填同一位家长），指导教师按“学校 + 姓名”识别。',
      '选填列留空表示清空该项；整列不存在则保留系统中原有的值。',
      '任何一行有错误时，整个文件都不会导入，并会列出每处错误所在的行和列。',
    ],
  )
}
