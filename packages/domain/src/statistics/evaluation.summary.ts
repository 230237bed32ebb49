import type { CohortReport, FunnelReport, OutcomesReport, ProtectedCount } from './evaluation.schema.ts';

/**
 * One-sentence summaries of the evaluation charts, generated from the figures: read by screen
 * readers next to each chart and printed under the tables of the PDF report. German and English.
 */
export type SummaryLocale = 'de' | 'en';

const num = (x: number, locale: SummaryLocale, digits = 1) =>
  x.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
const signed = (x: number, locale: SummaryLocale) => `${x > 0 ? '+' : ''}${num(x, locale)}`;
const count = (c: ProtectedCount) => (typeof c === 'number' ? c : null);

export function changeSummary(r: CohortReport, locale: SummaryLocale): string {
  const shown = r.dimensions.filter((d) => typeof d.meanChange === 'number' && Array.isArray(d.ci95));
  if (shown.length === 0)
    return locale === 'de'
      ? 'Für diese Auswahl gibt es zu wenige Personen mit zwei Einschätzungen, um Veränderungen zu zeigen.'
      : 'This selection has too few people with two assessments to show change.';
  const improved = shown.filter((d) => (d.ci95 as [number, number])[0] > 0).length;
  const best = shown.reduce((a, b) => ((b.meanChange as number) > (a.meanChange as number) ? b : a));
  return locale === 'de'
    ? `In ${improved} von ${shown.length} Bereichen hat sich die Teilhabe im Mittel verbessert (95-%-Konfidenzintervall über null); am stärksten in „${best.title}“ (${signed(best.meanChange as number, locale)} Punkte).`
    : `Participation improved on average in ${improved} of ${shown.length} areas (95 % confidence interval above zero); most in "${best.title}" (${signed(best.meanChange as number, locale)} points).`;
}

export function reliableChangeSummary(r: CohortReport, locale: SummaryLocale): string {
  const n = count(r.total.n);
  const imp = count(r.total.improved);
  const wor = count(r.total.worsened);
  if (n === null || n === 0 || imp === null || wor === null)
    return locale === 'de'
      ? 'Die verlässliche Veränderung des Gesamtwerts wird wegen zu kleiner Zahlen nicht gezeigt.'
      : 'Reliable change of the total score is not shown because the numbers are too small.';
  const pct = (x: number) => num((x * 100) / n, locale, 0);
  return locale === 'de'
    ? `Von ${n} Personen haben sich im Gesamtwert ${pct(imp)} % verlässlich verbessert und ${pct(wor)} % verlässlich verschlechtert.`
    : `Of ${n} people, ${pct(imp)} % reliably improved and ${pct(wor)} % reliably worsened in the total score.`;
}

export function outcomesSummary(r: OutcomesReport, locale: SummaryLocale): string {
  const closures = count(r.closures);
  if (closures === null)
    return locale === 'de'
      ? 'Die Zahl der Abschlüsse wird wegen zu kleiner Zahlen nicht gezeigt.'
      : 'The number of closures is not shown because it is too small.';
  const work = r.byOutcome
    .filter((o) => ['employment', 'other_employment', 'vocational_training'].includes(o.outcome))
    .map((o) => count(o.count));
  const placed = work.every((w) => w !== null)
    ? work.reduce((a, b) => (a as number) + (b as number), 0)
    : null;
  if (locale === 'de')
    return placed === null
      ? `Im Zeitraum wurden ${closures} Fälle abgeschlossen.`
      : `Im Zeitraum wurden ${closures} Fälle abgeschlossen, davon ${placed} mit Arbeit oder Ausbildung.`;
  return placed === null
    ? `${closures} cases were closed in the period.`
    : `${closures} cases were closed in the period, ${placed} of them with work or training.`;
}

export function funnelSummary(
  r: FunnelReport,
  locale: SummaryLocale,
  labels: Record<string, string>,
): string {
  const steps = r.steps.map((s) => ({ key: s.key, n: count(s.count) }));
  const first = steps[0]?.n;
  if (first === null || first === undefined || first === 0)
    return locale === 'de'
      ? 'Für den Prozessverlauf gibt es in diesem Zeitraum zu wenige Personen.'
      : 'Too few people in this period to show the process funnel.';
  let worst: { from: string; to: string; drop: number } | null = null;
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]?.n;
    const b = steps[i]?.n;
    if (a === null || b === null || a === undefined || b === undefined) continue;
    if (!worst || a - b > worst.drop)
      worst = { from: steps[i - 1]?.key as string, to: steps[i]?.key as string, drop: a - b };
  }
  const tail = worst
    ? locale === 'de'
      ? `; die meisten gehen zwischen „${labels[worst.from]}“ und „${labels[worst.to]}“ verloren (${worst.drop}).`
      : `; most drop out between "${labels[worst.from]}" and "${labels[worst.to]}" (${worst.drop}).`
    : '.';
  return locale === 'de'
    ? `Im Zeitraum wurden ${first} Personen aufgenommen${tail}`
    : `${first} people were taken in during the period${tail}`;
}
