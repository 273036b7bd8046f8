import ExcelJS from 'exceljs'
import type { DataSource } from 'typeorm'
import { XLSX_TYPE } from '../../core/roster/workbook'
import { City } from '../../entities/city.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole } from '../../entities/person-role.entity'
import { postJson } from './server'

/** The roster's headers in the template's order. */
export const ROSTER_HEADERS = [
  '学生姓名',
  '年级',
  '所在市',
  '县区',
  '学校',
  '学科',
  '导师',
  '指导教师',
  '教师手机',
  '家长姓名',
  '家长手机',
  '与学生关系',
  '学生手机',
]

/** A roster row by header; unnamed columns are blank. */
export type RosterRow = Record<string, string>

/** An .xlsx workbook of one sheet with these headers and rows (values as text). */
export async function rosterFile(rows: RosterRow[], headers = ROSTER_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名册')
  sheet.addRow(headers)
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A valid row for student `n` (unique name and parent phone), at a 南宁 school unless overridden. */
export function rosterRow(n: number, over: RosterRow = {}): RosterRow {
  const digits = String(n).padStart(8, '0')
  return {
    学生姓名: `学生${chineseDigits(n)}`,
    年级: n % 2 ? '高一' : '高二',
    所在市: '南宁市',
    县区: '青秀区',
    学校: '南宁市第三中学',
    学科: '物理',
    指导教师: '黄丽萍',
    家长姓名: `家长${chineseDigits(n)}`,
    家长手机: `139${digits}`,
    与学生关系: '母亲',
    ...over,
  }
}

/** A number in Chinese digits (names take no ASCII digits): 12 → 一二. */
export function chineseDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)] as string)
}

/** Reads the first sheet of an .xlsx answer as rows of text cells (header row included). */
export async function readSheet(bytes: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
  const rows: string[][] = []
  sheet.eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value == null ? '' : String(cell.value)
    })
    rows.push(cells)
  })
  return rows
}

/** Adds a staff person bound on the terminal channel to `handle` (so dev-login signs them in). */
export async function addPerson(
  ds: DataSource,
  handle: string,
  role: PersonRole['role'],
  scope: { city?: string; schoolId?: number } = {},
): Promise<number> {
  const person = await ds.getRepository(Person).save({ displayName: handle, phone: null, createdAt: new Date() })
  const cityId = scope.city ? (await ds.getRepository(City).findOneByOrFail({ name: scope.city })).id : null
  await ds.getRepository(PersonRole).insert({ personId: person.id, role, cityId, schoolId: scope.schoolId ?? null })
  await ds.getRepository(IdentityBinding).insert({
    personId: person.id,
    channel: 'terminal',
    externalId: handle,
    boundAt: new Date(),
  })
  return person.id
}

/** A session token for a terminal handle (dev-login; the server must run with `demo: true`). */
export async function tokenOf(base: string, handle: string): Promise<string> {
  const r = await postJson(base, '/api/v1/auth/dev-login', { handle })
  if (r.status !== 200) throw new Error(`dev-login ${handle}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.token
}

/** Uploads a roster; returns status, JSON body and the time taken. */
export async function uploadRoster(base: string, token: string, file: Buffer | string, type = XLSX_TYPE, query = '') {
  const started = performance.now()
  const res = await fetch(`${base}/api/v1/office/roster${query}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body: file,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started }
}

/** GETs a path with a token; the body as bytes. */
export async function getBytes(base: string, path: string, token?: string) {
  const res = await fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: await res.arrayBuffer() }
}
