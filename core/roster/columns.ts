/**
 * The roster's columns as the office fills them in Excel: one sheet, the header row first, one
 * student a row. The headers are Chinese; a few other spellings people type are accepted. Kept as
 * data so the template, the reader, the error messages and the README say the same thing.
 */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '学生姓名', aliases: ['姓名', '学生'], required: true, example: '林小雨', note: '必填' },
  { key: 'grade', header: '年级', aliases: [], required: true, example: '高一', note: '必填：高一 或 高二' },
  {
    key: 'city',
    header: '所在市',
    aliases: ['市', '城市', '地市'],
    required: true,
    example: '南宁市',
    note: '必填：本期实施城市（南宁市、柳州市、桂林市）',
  },
  {
    key: 'district',
    header: '县区',
    aliases: ['区县', '县（区）', '区'],
    required: false,
    example: '青秀区',
    note: '选填：学校所在县区，须属于所在市',
  },
  {
    key: 'school',
    header: '学校',
    aliases: ['学校名称', '就读学校', '中学'],
    required: true,
    example: '南宁市第三中学',
    note: '必填：学校全称；系统中没有的学校会新建',
  },
  {
    key: 'subject',
    header: '学科',
    aliases: ['培养学科'],
    required: true,
    example: '物理',
    note: '必填：数学、物理、化学、生物、计算机等',
  },
  {
    key: 'mentor',
    header: '导师',
    aliases: ['高校导师'],
    required: false,
    example: '韦志明',
    note: '选填：已录入系统的高校导师姓名',
  },
  {
    key: 'teacher',
    header: '指导教师',
    aliases: ['中学指导教师'],
    required: false,
    example: '黄丽萍',
    note: '选填：本校指导教师姓名',
  },
  {
    key: 'teacherPhone',
    header: '教师手机',
    aliases: ['指导教师手机'],
    required: false,
    example: '13900000001',
    note: '选填',
  },
  { key: 'parent', header: '家长姓名', aliases: ['家长'], required: true, example: '林建国', note: '必填' },
  {
    key: 'parentPhone',
    header: '家长手机',
    aliases: ['家长电话', '家长手机号'],
    required: true,
    example: '13800000001',
    note: '必填：11 位手机号',
  },
  {
    key: 'relation',
    header: '与学生关系',
    aliases: ['关系', '家长关系'],
    required: false,
    example: '父亲',
    note: '选填：父亲、母亲等',
  },
  { key: 'studentPhone', header: '学生手机', aliases: ['学生电话'], required: false, example: '', note: '选填' },
] as const

/** One column of ROSTER_COLUMNS. */
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]
/** A column's key (name, grade, city …). */
export type RosterKey = RosterColumn['key']

/** The column a header names (trimmed, full-width brackets and spaces ignored), if any. */
export function columnOfHeader(header: string): RosterColumn | undefined {
  const h = header.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/[*＊]/g, '')
  return ROSTER_COLUMNS.find((c) => c.header === h || (c.aliases as readonly string[]).includes(h))
}

/** The header of a column, for messages: 「家长手机」. */
export function headerOf(key: RosterKey): string {
  return (ROSTER_COLUMNS.find((c) => c.key === key) as RosterColumn).header
}

/** The most rows one import takes. */
export const MAX_ROSTER_ROWS = 10_000
