import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { isIsoDate } from './programmes.ts';

type AgencyRole = 'owner' | 'partner' | 'participant';
export interface AgencyRow {
  agencyId: string;
  name: string;
  role: AgencyRole;
  /** Funded places per year as typed ('' = none). */
  places: Record<number, string>;
}

/** At most this many years get a places field (the API accepts 30 per agency). */
const MAX_YEARS = 30;

/** The calendar years of a programme's period, each of which gets a places field per agency. */
export function yearsBetween(startsOn: string, endsOn: string): number[] {
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) return [];
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  if (last < first) return [];
  return Array.from({ length: Math.min(MAX_YEARS, last - first + 1) }, (_, i) => first + i);
}

/**
 * The agencies of a programme form: the owner, partners and participants with their funded places
 * per year; further agencies are added from the directory of agencies that can take part.
 */
export function ProgrammeAgencies({
  rows,
  onChange,
  years,
  errors,
}: {
  rows: AgencyRow[];
  onChange: (rows: AgencyRow[]) => void;
  years: number[];
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const directory = useEndpoint(api.programmes.agencies, {});
  const [adding, setAdding] = useState<string | null>(null);
  const available = (directory.data?.items ?? []).filter((a) => !rows.some((r) => r.agencyId === a.id));

  const update = (agencyId: string, change: (row: AgencyRow) => AgencyRow) =>
    onChange(rows.map((r) => (r.agencyId === agencyId ? change(r) : r)));

  const addAgency = () => {
    const agency = available.find((a) => a.id === adding);
    if (!agency) return;
    onChange([...rows, { agencyId: agency.id, name: agency.name, role: 'participant', places: {} }]);
    setAdding(null);
  };

  return (
    <fieldset className="programme-agencies">
      <legend>{t('programmes.agencies.title')}</legend>
      <p className="field__description">{t('programmes.form.agenciesHelp')}</p>
      {years.length === 0 ? <p className="field__description">{t('programmes.form.periodFirst')}</p> : null}
      {errors.agencies ? <p className="field__error">{errors.agencies}</p> : null}
      {rows.map((r, i) => (
        <fieldset key={r.agencyId} className="programme-agency">
          <legend>{r.name}</legend>
          {r.role === 'owner' ? (
            <p>{t('programmes.form.ownerRole')}</p>
          ) : (
            <SelectField
              label={t('programmes.agencies.role')}
              options={(['partner', 'participant'] as const).map((k) => ({
                id: k,
                label: t(`programmes.form.role.${k}`),
              }))}
              selectedKey={r.role}
              onSelectionChange={(key) =>
                update(r.agencyId, (row) => ({ ...row, role: (key ?? 'participant') as AgencyRole }))
              }
            />
          )}
          {years.length > 0 ? (
            <div className="inline-form">
              {years.map((y) => (
                <TextField
                  key={y}
                  className="field--narrow"
                  label={t('programmes.agencies.places', { year: y })}
                  inputMode="numeric"
                  value={r.places[y] ?? ''}
                  onChange={(v) =>
                    update(r.agencyId, (row) => ({ ...row, places: { ...row.places, [y]: v } }))
                  }
                  errorMessage={
                    errors[`agencies.${i}.places`] && !/^\d{0,6}$/.test((r.places[y] ?? '').trim())
                      ? errors[`agencies.${i}.places`]
                      : undefined
                  }
                />
              ))}
            </div>
          ) : null}
          {r.role !== 'owner' ? (
            <Button
              variant="secondary"
              size="sm"
              aria-label={t('programmes.form.removeAgencyFor', { name: r.name })}
              onPress={() => onChange(rows.filter((x) => x.agencyId !== r.agencyId))}
            >
              {t('programmes.form.removeAgency')}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <p className="field__description">{t('programmes.form.placesHelp')}</p>
      {available.length > 0 ? (
        <div className="inline-form">
          <SelectField
            label={t('programmes.form.addAgency')}
            options={available.map((a) => ({ id: a.id, label: a.name }))}
            selectedKey={adding}
            onSelectionChange={setAdding}
          />
          <Button variant="secondary" onPress={addAgency} isDisabled={!adding}>
            {t('programmes.form.add')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
