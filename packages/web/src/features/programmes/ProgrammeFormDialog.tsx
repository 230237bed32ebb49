import type { ProgrammeView } from '@lotse/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { useApiQuery } from '../../app/useApi.ts';
import { Button } from '../../ui/Button.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { explained, fundingSourceKeys, isIsoDate } from './programmes.ts';

type AgencyRole = 'owner' | 'partner' | 'participant';
interface AgencyRow {
  agencyId: string;
  name: string;
  role: AgencyRole;
  /** Funded places per year as typed ('' = none). */
  places: Record<number, string>;
}

/** At most this many years get a places field (the API accepts 30 per agency). */
const MAX_YEARS = 30;

function yearsBetween(startsOn: string, endsOn: string): number[] {
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) return [];
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  if (last < first) return [];
  return Array.from({ length: Math.min(MAX_YEARS, last - first + 1) }, (_, i) => first + i);
}

function rowsOf(p: ProgrammeView): AgencyRow[] {
  return p.agencies.map((a) => ({
    agencyId: a.agency.id,
    name: a.agency.name,
    role: a.role,
    places: Object.fromEntries(a.places.map((x) => [x.year, String(x.places)])),
  }));
}

/**
 * Creates a programme owned by the own agency, or changes one (owner and partners): key facts,
 * participating and partner agencies, and funded places per agency and year. The server checks
 * everything again; its messages appear next to the fields.
 */
export function ProgrammeFormDialog({
  programme,
  onClose,
  onSaved,
}: {
  /** The programme to change; without it a new one is created. */
  programme?: ProgrammeView;
  onClose: () => void;
  onSaved: (saved: ProgrammeView) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const directory = useApiQuery<{ items: { id: string; name: string; kind: string }[] }>(
    '/api/programme-agencies',
  );
  const [name, setName] = useState(programme?.name ?? '');
  const [fundingSource, setFundingSource] = useState<string | null>(programme?.fundingSource ?? null);
  const [legalBasis, setLegalBasis] = useState(programme?.legalBasis ?? '');
  const [funder, setFunder] = useState(programme?.funder ?? '');
  const [startsOn, setStartsOn] = useState(programme?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(programme?.endsOn ?? '');
  const [description, setDescription] = useState(programme?.description ?? '');
  const [targetGroup, setTargetGroup] = useState(programme?.targetGroup ?? '');
  const [rows, setRows] = useState<AgencyRow[]>(() =>
    programme
      ? rowsOf(programme)
      : user
        ? [{ agencyId: user.agency.id, name: user.agency.name, role: 'owner', places: {} }]
        : [],
  );
  const [adding, setAdding] = useState<string | null>(null);
  const years = yearsBetween(startsOn, endsOn);
  const available = (directory.data?.items ?? []).filter((a) => !rows.some((r) => r.agencyId === a.id));

  const update = (agencyId: string, change: (row: AgencyRow) => AgencyRow) =>
    setRows((all) => all.map((r) => (r.agencyId === agencyId ? change(r) : r)));

  const addAgency = () => {
    const agency = available.find((a) => a.id === adding);
    if (!agency) return;
    setRows((all) => [...all, { agencyId: agency.id, name: agency.name, role: 'participant', places: {} }]);
    setAdding(null);
  };

  const submit = async () => {
    const issues: { path: string; message: string }[] = [];
    if (!name.trim()) issues.push({ path: 'name', message: t('programmes.form.required') });
    if (!fundingSource) issues.push({ path: 'fundingSource', message: t('programmes.form.required') });
    if (!isIsoDate(startsOn))
      issues.push({ path: 'startsOn', message: t('programmes.enrolments.dateRequired') });
    if (!isIsoDate(endsOn)) issues.push({ path: 'endsOn', message: t('programmes.enrolments.dateRequired') });
    else if (isIsoDate(startsOn) && endsOn < startsOn)
      issues.push({ path: 'endsOn', message: t('programmes.form.endBeforeStart') });
    rows.forEach((r, i) => {
      for (const y of years) {
        const v = (r.places[y] ?? '').trim();
        if (v !== '' && !/^\d{1,6}$/.test(v))
          issues.push({ path: `agencies.${i}.places`, message: t('programmes.form.placesInvalid') });
      }
    });
    if (issues.length > 0)
      throw new ApiError(400, 'validation_failed', issues[0]?.message ?? '', undefined, issues);
    const body = {
      name: name.trim(),
      fundingSource,
      legalBasis: legalBasis.trim(),
      funder: funder.trim(),
      startsOn,
      endsOn,
      description: description.trim(),
      targetGroup: targetGroup.trim(),
      agencies: rows.map((r) => ({
        agencyId: r.agencyId,
        ...(r.role === 'owner' ? {} : { role: r.role }),
        places: years
          .filter((y) => (r.places[y] ?? '').trim() !== '')
          .map((y) => ({ year: y, places: Number(r.places[y]) })),
      })),
    };
    const res = await explained(
      t,
      request<{ programme: ProgrammeView }>(
        programme ? `/api/programmes/${programme.id}` : '/api/programmes',
        {
          method: programme ? 'PATCH' : 'POST',
          body,
        },
      ),
    );
    onSaved(res.programme);
  };

  return (
    <FormDialog
      title={
        programme
          ? t('programmes.form.editTitle', { name: programme.name })
          : t('programmes.form.createTitle')
      }
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      submitLabel={programme ? t('programmes.form.save') : t('programmes.form.create')}
      onSubmit={submit}
    >
      {(errors) => (
        <>
          <TextField
            label={t('programmes.list.name')}
            isRequired
            maxLength={200}
            value={name}
            onChange={setName}
            errorMessage={errors.name}
          />
          <SelectField
            label={t('programmes.list.funding')}
            description={t('programmes.form.fundingHelp')}
            options={fundingSourceKeys.map((k) => ({ id: k, label: t(`programmes.fundingSource.${k}`) }))}
            selectedKey={fundingSource}
            onSelectionChange={setFundingSource}
            errorMessage={errors.fundingSource}
          />
          <TextField
            label={t('programmes.detail.legalBasis')}
            description={t('programmes.form.legalBasisHelp')}
            maxLength={200}
            value={legalBasis}
            onChange={setLegalBasis}
            errorMessage={errors.legalBasis}
          />
          <TextField
            label={t('programmes.detail.funder')}
            description={t('programmes.form.funderHelp')}
            maxLength={200}
            value={funder}
            onChange={setFunder}
            errorMessage={errors.funder}
          />
          <div className="inline-form">
            <TextField
              label={t('programmes.form.startsOn')}
              type="date"
              isRequired
              value={startsOn}
              onChange={setStartsOn}
              errorMessage={errors.startsOn}
            />
            <TextField
              label={t('programmes.form.endsOn')}
              type="date"
              isRequired
              value={endsOn}
              onChange={setEndsOn}
              errorMessage={errors.endsOn}
            />
          </div>
          <TextAreaField
            label={t('programmes.detail.targetGroup')}
            maxLength={1000}
            rows={2}
            value={targetGroup}
            onChange={setTargetGroup}
            errorMessage={errors.targetGroup}
          />
          <TextAreaField
            label={t('programmes.detail.description')}
            maxLength={4000}
            rows={3}
            value={description}
            onChange={setDescription}
            errorMessage={errors.description}
          />

          <fieldset className="programme-agencies">
            <legend>{t('programmes.agencies.title')}</legend>
            <p className="field__description">{t('programmes.form.agenciesHelp')}</p>
            {years.length === 0 ? (
              <p className="field__description">{t('programmes.form.periodFirst')}</p>
            ) : null}
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
                    onPress={() => setRows((all) => all.filter((x) => x.agencyId !== r.agencyId))}
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
        </>
      )}
    </FormDialog>
  );
}
