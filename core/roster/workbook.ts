import ExcelJS from 'exceljs'
import { AppError } from '../errors'

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The most bytes an uploaded workbook may unpack to: a 10,000-row roster is a few MB of XML. */
const MAX_UNPACKED = 64 * 1024 * 1024
const MAX_ENTRIES = 2_000

/** A file that is not a readable workbook (400 `bad_file`). */
export class BadWorkbookError extends AppError {
  constructor(message: string) {
    super('bad_file', message, 400)
  }
}

/**
 * Checks an upload is a zip archive (what .xlsx is) whose entries unpack to a sane size, from its
 * central directory alone, before exceljs inflates anything: a zip bomb is refused here.
 * @throws BadWorkbookError when it is no zip; AppError 413 when it would unpack too large.
 */
export function checkXlsxArchive(bytes: Buffer): void {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new BadWorkbookError('上传的不是 Excel 文件（.xlsx）')
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new BadWorkbookError('上传的 Excel 文件不完整或已损坏')
  const entries = bytes.readUInt16LE(eocd + 10)
  let offset = bytes.readUInt32LE(eocd + 16)
  if (entries > MAX_ENTRIES) throw new BadWorkbookError('上传的 Excel 文件结构异常')
  let unpacked = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw new BadWorkbookError('上传的 Excel 文件不完整或已损坏')
    }
    unpacked += bytes.readUInt32LE(offset + 24)
    if (unpacked > MAX_UNPACKED) throw new AppError('too_large', '上传的 Excel 文件解压后过大，请拆分后分批导入', 413)
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32)
  }
}

/** The first worksheet of an uploaded workbook, read as text cells: the header row and the data rows (with their sheet row numbers). */
export interface SheetText {
  headers: Array<{ column: number; text: string }>
  rows: Array<{ rowNumber: number; cells: Map<number, string> }>
}

/**
 * Reads the first worksheet of an .xlsx upload as text: numbers as written (a phone number stays
 * 13812345678), dates as YYYY-MM-DD, formulas as their results; rows with no text are skipped.
 * @throws BadWorkbookError for a file exceljs cannot read or one with no worksheet; 413 beyond `maxRows`.
 */
export async function readFirstSheet(bytes: Buffer, maxRows: number): Promise<SheetText> {
  checkXlsxArchive(bytes)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    throw new BadWorkbookError('无法读取这个 Excel 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new BadWorkbookError('Excel 文件里没有工作表')
  if (sheet.actualRowCount > maxRows + 1) {
    throw new AppError(
      'too_large',
      `一次最多导入 ${maxRows} 行，这个文件有 ${sheet.actualRowCount - 1} 行，请拆分后分批导入`,
      413,
    )
  }
  const headers: SheetText['headers'] = []
  const rows: SheetText['rows'] = []
  let headerSeen = false
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, string>()
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value)
      if (text !== '') cells.set(column, text)
    })
    if (cells.size === 0) return
    if (!headerSeen) {
      headerSeen = true
      for (const [column, text] of cells) headers.push({ column, text })
      return
    }
    rows.push({ rowNumber, cells })
  })
  return { headers, rows }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim()
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
    if ('text' in value) return String(value.text).trim()
    if ('error' in value) return ''
    return ''
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  return String(value).trim()
}

/** A workbook of one sheet: a bold, frozen header row, the given column widths, and the rows. */
export async function buildWorkbook(
  sheetName: string,
  columns: Array<{ header: string; width?: number }>,
  rows: Array<Array<string | number | null>>,
  notes?: string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '八桂英才助手'
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }))
  sheet.getRow(1).font = { bold: true }
  // Every cell as text, so that Excel keeps a phone number's digits and an invite code's letters as they are.
  for (const column of sheet.columns) column.numFmt = '@'
  for (const row of rows) sheet.addRow(row)
  if (notes && notes.length > 0) {
    const help = workbook.addWorksheet('说明')
    help.getColumn(1).width = 100
    for (const line of notes) help.addRow([line])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
