import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Spreadsheet files for the import limit tests, built byte by byte so that sizes and ratios are
 * exactly what a test needs (exceljs cannot write a lying or a bomb-like zip).
 */
interface Part {
  name: string;
  deflated: Buffer;
  crc: number;
  /** The size written into the zip headers (a hostile file may lie). */
  declaredSize: number;
}

const part = (name: string, text: string): Part => {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
};

/**
 * The fields a local header and its central directory entry share, from "version needed" to the name
 * length; they start at byte 4 of a local header and at byte 6 of a central one.
 */
function writeEntryFields(header: Buffer, at: number, p: Part, nameLength: number) {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(p.crc >>> 0, at + 10);
  header.writeUInt32LE(p.deflated.length, at + 14);
  header.writeUInt32LE(p.declaredSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A zip archive (deflate, no data descriptors) of the given parts. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, p, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, p, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts around the first worksheet that a workbook needs. */
const frame = (): Part[] => [
  part(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  part(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  part(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
];

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** An XLSX client list with a header row and `rows` data rows (300,000 rows are about 4 MB). */
export function largeClientXlsx(rows: number): Buffer {
  const lines = [
    `<row r="1">${cell('A1', 'Vorname')}${cell('B1', 'Nachname')}${cell('C1', 'Geburtsdatum')}</row>`,
  ];
  for (let r = 2; r <= rows + 1; r++)
    lines.push(
      `<row r="${r}">${cell(`A${r}`, 'Anna')}${cell(`B${r}`, `Muster${r}`)}${cell(`C${r}`, 'kein Datum')}</row>`,
    );
  return zip([...frame(), part('xl/worksheets/sheet1.xml', SHEET_HEAD + lines.join('') + SHEET_TAIL)]);
}

/**
 * A decompression bomb: a worksheet of `megabytes` MB of blanks in about a thousandth of that. The
 * deflate stream repeats one independently compressed block, so building it costs almost nothing.
 * With `lie`, the zip headers claim the worksheet is 10 kB.
 */
export function xlsxBomb(megabytes: number, lie = false): Buffer {
  const flushed = (text: string | Buffer) => deflateRawSync(text, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = flushed(Buffer.alloc(1024 * 1024, 0x20));
  const deflated = Buffer.concat([
    flushed(`${SHEET_HEAD}<row r="1">${cell('A1', 'Vorname')}</row>`),
    ...Array.from({ length: megabytes }, () => block),
    deflateRawSync(SHEET_TAIL),
  ]);
  const size = megabytes * 1024 * 1024;
  const sheet: Part = {
    name: 'xl/worksheets/sheet1.xml',
    deflated,
    crc: 0,
    declaredSize: lie ? 10_000 : size,
  };
  return zip([...frame(), sheet]);
}
