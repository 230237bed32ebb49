/**
 * Bulk import of clients: 100,000 CSV rows streamed into POST /api/client-imports on the embedded
 * database (or PostgreSQL), with validation, duplicate checks, an open case per client and one audit
 * entry. Prints rows per second and the floor it is held against (100,000 rows in under 60 s).
 * Run: npm run bench client-import   (or: node --import tsx bench/client-import.ts [postgres] [rows])
 */
import { Readable } from 'node:stream';
import { startTestApp } from '../packages/server/src/testing/test-app.ts';

const ROWS = Number(process.argv[3] ?? 100_000);
const FLOOR_SECONDS = 60;

const FIRST = [
  'Anna',
  'Bernd',
  'Carla',
  'Deniz',
  'Elif',
  'Frank',
  'Gabi',
  'Hakan',
  'Ines',
  'Jörg',
  'Katja',
  'Lukas',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Yılmaz',
  'Kowalski',
  'Becker',
  'Hoffmann',
  'Schäfer',
  'Krüger',
  'Neumann',
  'Wolf',
];
const PLACES = ['Witten', 'Hattingen', 'Schwelm', 'Gevelsberg', 'Ennepetal', 'Herdecke', 'Wetter (Ruhr)'];

/** A deterministic CSV as German Excel writes it, produced while it is sent (never held in memory). */
function* csvLines(rows: number) {
  yield 'Kundennummer;Vorname;Nachname;Geburtsdatum;Geschlecht;Wohnort;Telefon;Rechtskreis\r\n';
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = 1960 + (i % 40);
    yield `B-${i};${FIRST[i % FIRST.length]};${LAST[(i * 7) % LAST.length]}-${i};${day}.${month}.${year};${i % 2 ? 'm' : 'w'};${PLACES[i % PLACES.length]};02302 ${100000 + i};SGB II\r\n`;
  }
}

async function main() {
  process.env.LOTSE_TEST_DB = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  const t = await startTestApp();
  const c = t.client();
  await c.login('lotse@jc-en.example');
  const body = Readable.from(csvLines(ROWS), { objectMode: false });
  const started = performance.now();
  const res = await fetch(`${t.baseUrl}/api/client-imports`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      accept: 'application/json',
      cookie: `lotse_session=${c.cookies.get('lotse_session')}`,
    },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const result = (await res.json()) as { imported?: number; total?: number; errorCount?: number };
  const seconds = (performance.now() - started) / 1000;
  const stored = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM clients');
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const pass = res.status === 200 && result.imported === ROWS && seconds < (FLOOR_SECONDS * ROWS) / 100_000;
  console.log(`engine: ${t.ctx.db.kind}, ${ROWS} CSV rows streamed through POST /api/client-imports`);
  console.log(
    `${pass ? 'ok  ' : 'SLOW'} imported ${result.imported ?? 0} of ${result.total ?? 0} rows (errors ${result.errorCount ?? '-'}, stored ${stored.rows[0]?.n}) in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds)} rows/s (floor: 100,000 rows in ${FLOOR_SECONDS} s), rss ${rss} MB`,
  );
  await t.close();
  process.exit(pass ? 0 : 1);
}

await main();
