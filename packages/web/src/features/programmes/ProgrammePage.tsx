import type { ProgrammeView } from '@lotse/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { FigureTable } from '../../ui/FigureTable.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { BudgetsSection } from './BudgetsSection.tsx';
import { EnrolmentsSection } from './EnrolmentsSection.tsx';
import { OccupancySection } from './OccupancySection.tsx';
import { ProgrammeFormDialog } from './ProgrammeFormDialog.tsx';
import { ReportSection } from './ReportSection.tsx';
import './programmes.css';

/** Years of the programme's running time, for the year choice of occupancy and budgets. */
function yearsOf(p: ProgrammeView): number[] {
  const first = Number(p.startsOn.slice(0, 4));
  const last = Number(p.endsOn.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * One programme: key facts, agencies and places, occupancy (table and chart), the own agency's
 * participations, budgets with bookings, and the funder report. Sections appear only for roles that
 * may use them (the server enforces the same rules).
 */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const [message, setMessage] = useState<string | undefined>(() =>
    (location.state as { created?: boolean } | null)?.created ? t('programmes.form.created') : undefined,
  );
  const [editing, setEditing] = useState(false);
  const programme = useEndpoint(api.programmes.read, id ? { params: { id } } : null);
  const p = programme.data?.programme;
  const years = p ? yearsOf(p) : [];
  const thisYear = new Date().getFullYear();
  const defaultYear = years.includes(thisYear) ? thisYear : (years.at(-1) ?? thisYear);
  const chosen = Number(params.get('jahr'));
  const year = years.includes(chosen) ? chosen : defaultYear;

  const canFigures = useCan('programmes.figures.read');
  const canReadBudgets = useCan('budgets.read');
  const canReport = useCan('programmes.report');
  const canBook = useCan('expenditures.write');
  const canOverbook = useCan('enrolments.overbook');
  const canManage = useCan('programmes.manage') && p !== undefined && p.myRole !== 'participant';
  const canBudget = useCan('budgets.manage');

  if (!p) {
    return (
      <Page title={t('programmes.list.title')}>
        {programme.error ? <Alert tone="error">{errorText(t, programme.error)}</Alert> : null}
        {programme.loading ? <Loading label={t('common.loading')} /> : null}
      </Page>
    );
  }

  return (
    <Page
      title={p.name}
      intro={
        <p>
          <Link to="/programme">{t('programmes.detail.back')}</Link>
        </p>
      }
    >
      <div className="programme-grid">
        {message ? <Alert tone="success">{message}</Alert> : null}
        <Section id="eckdaten" title={t('programmes.detail.facts')}>
          <FactList
            facts={[
              {
                label: t('programmes.list.funding'),
                value: t(`programmes.fundingSource.${p.fundingSource}`),
              },
              !!p.legalBasis && { label: t('programmes.detail.legalBasis'), value: p.legalBasis },
              !!p.funder && { label: t('programmes.detail.funder'), value: p.funder },
              { label: t('programmes.detail.owner'), value: p.ownerAgency.name },
              {
                label: t('programmes.list.runtime'),
                value: `${formatDate(p.startsOn, locale)} – ${formatDate(p.endsOn, locale)}`,
              },
              { label: t('programmes.list.role'), value: t(`programmes.role.${p.myRole}`) },
              !!p.targetGroup && { label: t('programmes.detail.targetGroup'), value: p.targetGroup },
              !!p.description && { label: t('programmes.detail.description'), value: p.description },
            ]}
          />
          {canManage ? (
            <div className="programme-toolbar">
              <Button variant="secondary" onPress={() => setEditing(true)}>
                {t('programmes.form.edit')}
              </Button>
            </div>
          ) : null}
        </Section>

        <Section id="stellen" title={t('programmes.agencies.title')}>
          <FigureTable
            caption={t('programmes.agencies.caption')}
            columns={[
              { label: t('programmes.agencies.agency') },
              { label: t('programmes.agencies.role') },
              ...years.map((year) => ({ label: t('programmes.agencies.places', { year }), numeric: true })),
            ]}
            rows={p.agencies.map((a) => [
              a.agency.name,
              t(`programmes.role.${a.role}`),
              ...years.map((y) => a.places.find((x) => x.year === y)?.places ?? 0),
            ])}
          />
        </Section>

        {canFigures && years.length > 0 ? (
          <div className="programme-toolbar">
            <SelectField
              label={t('programmes.detail.year')}
              description={t('programmes.detail.yearHelp')}
              options={years.map((y) => ({ id: String(y), label: String(y) }))}
              selectedKey={String(year)}
              onSelectionChange={(key) => {
                if (key) setParams({ jahr: key }, { replace: true });
              }}
            />
          </div>
        ) : null}

        {canFigures ? <OccupancySection programmeId={p.id} year={year} /> : null}

        <EnrolmentsSection programme={p} canOverbook={canOverbook} onChanged={setMessage} />

        {canReadBudgets ? (
          <BudgetsSection programme={p} year={year} canBook={canBook} canBudget={canBudget} />
        ) : null}

        {canReport ? <ReportSection programme={p} year={year} /> : null}
      </div>
      {editing ? (
        <ProgrammeFormDialog
          programme={p}
          onClose={() => setEditing(false)}
          onSaved={() => {
            programme.reload();
            setMessage(t('programmes.form.saved'));
          }}
        />
      ) : null}
    </Page>
  );
}
