import type { ProgrammeView, UserView } from '@lotse/domain';
import type { FundingSource } from '@lotse/domain/codes';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { type FieldErrors, firstSegment } from '../../app/fieldErrors.ts';
import { EntityFormDialog } from '../../ui/EntityFormDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type AgencyRow, ProgrammeAgencies, yearsBetween } from './ProgrammeAgencies.tsx';
import { explained, fundingSourceKeys, isIsoDate } from './programmes.ts';

function rowsOf(p: ProgrammeView): AgencyRow[] {
  return p.agencies.map((a) => ({
    agencyId: a.agency.id,
    name: a.agency.name,
    role: a.role,
    places: Object.fromEntries(a.places.map((x) => [x.year, String(x.places)])),
  }));
}

interface Draft {
  name: string;
  fundingSource: FundingSource | null;
  legalBasis: string;
  funder: string;
  startsOn: string;
  endsOn: string;
  description: string;
  targetGroup: string;
  rows: AgencyRow[];
}

/** The form of a programme, or of a new one owned by the signed-in user's agency. */
const draftOf = (p: ProgrammeView | undefined, owner: UserView | null): Draft => ({
  name: p?.name ?? '',
  fundingSource: p?.fundingSource ?? null,
  legalBasis: p?.legalBasis ?? '',
  funder: p?.funder ?? '',
  startsOn: p?.startsOn ?? '',
  endsOn: p?.endsOn ?? '',
  description: p?.description ?? '',
  targetGroup: p?.targetGroup ?? '',
  rows: p
    ? rowsOf(p)
    : owner
      ? [{ agencyId: owner.agency.id, name: owner.agency.name, role: 'owner', places: {} }]
      : [],
});

/** An agency's places are checked per row: the message names the row ("agencies.1.places"). */
const programmeField = (path: string) => /^agencies\.\d+\.places/.exec(path)?.[0] ?? firstSegment(path);

function validate(d: Draft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = t('programmes.form.required');
  if (!d.fundingSource) errors.fundingSource = t('programmes.form.required');
  if (!isIsoDate(d.startsOn)) errors.startsOn = t('programmes.enrolments.dateRequired');
  if (!isIsoDate(d.endsOn)) errors.endsOn = t('programmes.enrolments.dateRequired');
  else if (isIsoDate(d.startsOn) && d.endsOn < d.startsOn)
    errors.endsOn = t('programmes.form.endBeforeStart');
  const years = yearsBetween(d.startsOn, d.endsOn);
  d.rows.forEach((r, i) => {
    if (years.some((y) => !/^\d{0,6}$/.test((r.places[y] ?? '').trim())))
      errors[`agencies.${i}.places`] = t('programmes.form.placesInvalid');
  });
  return errors;
}

/** The request body of a checked draft: places only for the programme's years and only where given. */
function bodyOf(d: Draft) {
  const years = yearsBetween(d.startsOn, d.endsOn);
  return {
    name: d.name.trim(),
    // `validate` refuses a missing funding source before this runs.
    fundingSource: d.fundingSource ?? fundingSourceKeys[0],
    legalBasis: d.legalBasis.trim(),
    funder: d.funder.trim(),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    description: d.description.trim(),
    targetGroup: d.targetGroup.trim(),
    agencies: d.rows.map((r) => ({
      agencyId: r.agencyId,
      ...(r.role === 'owner' ? {} : { role: r.role }),
      places: years
        .filter((y) => (r.places[y] ?? '').trim() !== '')
        .map((y) => ({ year: y, places: Number(r.places[y]) })),
    })),
  };
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

  return (
    <EntityFormDialog
      entity={programme}
      draftOf={(p) => draftOf(p, user)}
      validate={(d) => validate(d, t)}
      create={(d) => explained(t, api.programmes.create({ body: bodyOf(d) }))}
      update={(p, d) => explained(t, api.programmes.update({ params: { id: p.id }, body: bodyOf(d) }))}
      onSaved={(saved) => onSaved(saved.programme)}
      title={
        programme
          ? t('programmes.form.editTitle', { name: programme.name })
          : t('programmes.form.createTitle')
      }
      submitLabel={programme ? t('programmes.form.save') : t('programmes.form.create')}
      onOpenChange={(open) => (open ? undefined : onClose())}
      fieldOf={programmeField}
    >
      {({ draft: d, set, field, errors }) => (
        <>
          <TextField label={t('programmes.list.name')} isRequired maxLength={200} {...field.text('name')} />
          <SelectField
            label={t('programmes.list.funding')}
            description={t('programmes.form.fundingHelp')}
            options={fundingSourceKeys.map((k) => ({ id: k, label: t(`programmes.fundingSource.${k}`) }))}
            {...field.select('fundingSource')}
          />
          <TextField
            label={t('programmes.detail.legalBasis')}
            description={t('programmes.form.legalBasisHelp')}
            maxLength={200}
            {...field.text('legalBasis')}
          />
          <TextField
            label={t('programmes.detail.funder')}
            description={t('programmes.form.funderHelp')}
            maxLength={200}
            {...field.text('funder')}
          />
          <div className="inline-form">
            <TextField
              label={t('programmes.form.startsOn')}
              type="date"
              isRequired
              {...field.text('startsOn')}
            />
            <TextField label={t('programmes.form.endsOn')} type="date" isRequired {...field.text('endsOn')} />
          </div>
          <TextAreaField
            label={t('programmes.detail.targetGroup')}
            maxLength={1000}
            rows={2}
            {...field.text('targetGroup')}
          />
          <TextAreaField
            label={t('programmes.detail.description')}
            maxLength={4000}
            rows={3}
            {...field.text('description')}
          />
          <ProgrammeAgencies
            rows={d.rows}
            onChange={(rows) => set('rows', rows)}
            years={yearsBetween(d.startsOn, d.endsOn)}
            errors={errors}
          />
        </>
      )}
    </EntityFormDialog>
  );
}
