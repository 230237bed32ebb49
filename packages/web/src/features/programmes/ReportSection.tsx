import type { ProgrammeView } from '@lotse/domain';
import { wallTimeIn } from '@lotse/domain/src/common/time-zone.ts';
import { lastCompletePeriod, type ReportPeriod } from '@lotse/domain/src/programmes/report-period.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { hrefOf } from '../../app/href.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAgencyTimeZone } from '../network/network.ts';
import { isIsoDate } from './programmes.ts';

type Choice = ReportPeriod | 'custom';

/**
 * The funder report for a chosen period as PDF or XLSX download (plain links: keyboard and screen-reader
 * friendly). It starts with the last complete month (a period that is over, so nothing in it lies in
 * the future); the last complete quarter or year, or any dates, can be chosen.
 */
export function ReportSection({ programme }: { programme: ProgrammeView; year?: number }) {
  const { t } = useTranslation();
  const timeZone = useAgencyTimeZone();
  const today = wallTimeIn(new Date(), timeZone).date;
  const clamp = (d: string) =>
    d < programme.startsOn ? programme.startsOn : d > programme.endsOn ? programme.endsOn : d;
  const initial = lastCompletePeriod(today, 'month');
  const [choice, setChoice] = useState<Choice>('month');
  const [period, setPeriod] = useState(() => ({ from: clamp(initial.from), to: clamp(initial.to) }));
  const { from, to } = period;
  const hintId = useId();
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const href = (format: 'pdf' | 'xlsx') =>
    hrefOf(api.programmes.report, { params: { id: programme.id }, query: { from, to, format } });
  const choose = (c: Choice) => {
    setChoice(c);
    if (c === 'custom') return;
    const p = lastCompletePeriod(today, c);
    setPeriod({ from: clamp(p.from), to: clamp(p.to) });
  };

  return (
    <Section
      id="bericht"
      title={t('programmes.report.title')}
      description={<p>{t('programmes.report.description')}</p>}
    >
      <div className="inline-form">
        <SelectField
          label={t('programmes.report.period')}
          options={(['month', 'quarter', 'year', 'custom'] as const).map((c) => ({
            id: c,
            label: t(`programmes.report.periods.${c}`),
          }))}
          selectedKey={choice}
          onSelectionChange={(k) => choose((k ?? 'month') as Choice)}
        />
        {(['from', 'to'] as const).map((end) => (
          <TextField
            key={end}
            label={t(`programmes.report.${end}`)}
            type="date"
            value={period[end]}
            onChange={(v) => {
              setChoice('custom');
              setPeriod((p) => ({ ...p, [end]: v }));
            }}
          />
        ))}
      </div>
      {valid && to > today ? <p className="muted">{t('programmes.report.futureNote')}</p> : null}
      {valid ? (
        <div className="download-links">
          <a className="btn btn--secondary" href={href('pdf')} download>
            {t('programmes.report.pdf')}
          </a>
          <a className="btn btn--secondary" href={href('xlsx')} download>
            {t('programmes.report.xlsx')}
          </a>
        </div>
      ) : (
        <Alert tone="warning" id={hintId}>
          {t('programmes.report.invalid')}
        </Alert>
      )}
    </Section>
  );
}
