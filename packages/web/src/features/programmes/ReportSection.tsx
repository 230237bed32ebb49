import type { ProgrammeView } from '@lotse/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Section } from '../../ui/Page.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { isIsoDate } from './programmes.ts';

/** The funder report for a chosen period as PDF or XLSX download (plain links: keyboard and screen-reader friendly). */
export function ReportSection({ programme, year }: { programme: ProgrammeView; year: number }) {
  const { t } = useTranslation();
  const clamp = (d: string) =>
    d < programme.startsOn ? programme.startsOn : d > programme.endsOn ? programme.endsOn : d;
  const [from, setFrom] = useState(clamp(`${year}-01-01`));
  const [to, setTo] = useState(clamp(`${year}-12-31`));
  const hintId = useId();
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const href = (format: 'pdf' | 'xlsx') =>
    `/api/programmes/${programme.id}/report?${new URLSearchParams({ from, to, format }).toString()}`;

  return (
    <Section
      id="bericht"
      title={t('programmes.report.title')}
      description={<p>{t('programmes.report.description')}</p>}
    >
      <div className="inline-form">
        <TextField label={t('programmes.report.from')} type="date" value={from} onChange={setFrom} />
        <TextField label={t('programmes.report.to')} type="date" value={to} onChange={setTo} />
      </div>
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
