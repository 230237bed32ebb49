import type { OfferView } from '@lotse/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { CheckboxGroupField, CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { EntityFormDialog } from '../../ui/EntityFormDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AddressFields } from './AddressFields.tsx';
import type { EntryDialogProps } from './DirectoryActions.tsx';
import {
  euroToCents,
  intOrNull,
  offerLanguages,
  orNull,
  targetGroups,
  useDistricts,
  useLanguageName,
} from './network.ts';

interface Draft {
  title: string;
  description: string;
  partnerId: string | null;
  dimensions: string[];
  targetGroups: string[];
  district: string | null;
  street: string;
  postalCode: string;
  city: string;
  lat: string;
  lon: string;
  stepFree: boolean;
  easyLanguage: boolean;
  languages: string[];
  cost: string;
  costNote: string;
  schedule: string;
  capacity: string;
  freePlaces: string;
  howToRefer: string;
  validFrom: string;
  validTo: string;
  shared: boolean;
}

const draftOf = (o: OfferView | undefined): Draft => ({
  title: o?.title ?? '',
  description: o?.description ?? '',
  partnerId: o?.partner.id ?? null,
  dimensions: o?.dimensions ?? [],
  targetGroups: o?.targetGroups ?? [],
  district: o?.district ?? null,
  street: o?.street ?? '',
  postalCode: o?.postalCode ?? '',
  city: o?.city ?? '',
  lat: o?.lat == null ? '' : String(o.lat),
  lon: o?.lon == null ? '' : String(o.lon),
  stepFree: o?.stepFree ?? false,
  easyLanguage: o?.easyLanguage ?? false,
  languages: o?.languages ?? ['de'],
  cost: o?.costCents == null ? '' : (o.costCents / 100).toFixed(2).replace('.', ','),
  costNote: o?.costNote ?? '',
  schedule: o?.schedule ?? '',
  capacity: o?.capacity == null ? '' : String(o.capacity),
  freePlaces: o?.freePlaces == null ? '' : String(o.freePlaces),
  howToRefer: o?.howToRefer ?? '',
  validFrom: o?.validFrom ?? '',
  validTo: o?.validTo ?? '',
  shared: o?.shared ?? false,
});

/** A decimal coordinate ("51,4372" or "51.4372") within ±limit; '' to null; undefined when invalid. */
const coordinate = (text: string, limit: number): number | null | undefined => {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^-?\d{1,3}(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Math.abs(n) <= limit ? n : undefined;
};

/** The form's own checks and the request body they allow. */
function checked(d: Draft, t: TFunction): { errors: FieldErrors; body: Record<string, unknown> } {
  const required = t('network.form.required');
  const errors: FieldErrors = {};
  if (!d.title.trim()) errors.title = required;
  if (!d.partnerId) errors.partnerId = required;
  if (!d.district) errors.district = required;
  if (d.dimensions.length === 0) errors.dimensions = t('network.form.dimensionsRequired');
  const costCents = euroToCents(d.cost);
  if (costCents === undefined) errors.costCents = t('network.form.amount');
  const capacity = intOrNull(d.capacity);
  if (capacity === undefined) errors.capacity = t('network.form.wholeNumber');
  const lat = coordinate(d.lat, 90);
  if (lat === undefined) errors.lat = t('network.form.coordinate');
  const lon = coordinate(d.lon, 180);
  if (lon === undefined) errors.lon = t('network.form.coordinate');
  const freePlaces = intOrNull(d.freePlaces);
  if (freePlaces === undefined) errors.freePlaces = t('network.form.wholeNumber');
  const body = {
    title: d.title.trim(),
    description: d.description.trim(),
    partnerId: d.partnerId,
    dimensions: d.dimensions,
    targetGroups: d.targetGroups,
    district: d.district,
    street: orNull(d.street),
    postalCode: orNull(d.postalCode),
    city: orNull(d.city),
    lat,
    lon,
    stepFree: d.stepFree,
    easyLanguage: d.easyLanguage,
    languages: d.languages,
    costCents,
    costNote: orNull(d.costNote),
    schedule: orNull(d.schedule),
    capacity,
    freePlaces,
    howToRefer: orNull(d.howToRefer),
    validFrom: orNull(d.validFrom),
    validTo: orNull(d.validTo),
    shared: d.shared,
  };
  return { errors, body };
}

/** Create an offer of the own directory, or edit one (all fields of the offer). */
export function OfferFormDialog({
  offer,
  ...dialog
}: EntryDialogProps<OfferView> & { offer?: OfferView | undefined }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const districts = useDistricts();
  const dims = useDimensions();
  const partners = useEndpoint(api.partners.list, dialog.isOpen ? { query: { pageSize: 200 } } : null);
  const own = (partners.data?.items ?? []).filter((p) => p.own);

  return (
    <EntityFormDialog
      entity={offer}
      draftOf={draftOf}
      validate={(d) => checked(d, t).errors}
      create={(d) => api.offers.create({ body: checked(d, t).body })}
      update={(o, d) => api.offers.update({ params: { id: o.id }, body: checked(d, t).body })}
      title={offer ? t('network.form.editOffer') : t('network.offers.new')}
      submitLabel={t('network.form.save')}
      {...dialog}
    >
      {({ field, errors }) => (
        <>
          <TextField label={t('network.form.title')} isRequired {...field.text('title')} />
          <TextAreaField label={t('network.offer.description')} {...field.text('description')} />
          <SelectField
            label={t('network.offers.partner')}
            description={own.length === 0 && partners.data ? t('network.form.noPartners') : undefined}
            options={own.map((p) => ({ id: p.id, label: p.name }))}
            placeholder={t('network.form.choose')}
            {...field.select('partnerId')}
          />
          <CheckboxGroupField
            label={t('network.offer.dimensions')}
            options={dims.options.map((o) => ({ value: o.id, label: o.label }))}
            isRequired
            {...field.checks('dimensions')}
          />
          <CheckboxGroupField
            label={t('network.offer.targetGroups')}
            options={targetGroups.map((g) => ({ value: g, label: t(`network.targetGroup.${g}`) }))}
            {...field.checks('targetGroups')}
          />
          <SelectField
            label={t('network.offers.district')}
            options={districts.items.map((x) => ({ id: x.key, label: x.name }))}
            placeholder={t('network.form.choose')}
            {...field.select('district')}
          />
          <AddressFields text={field.text}>
            <TextField
              label={t('network.form.lat')}
              description={t('network.form.coordinatesHelp')}
              inputMode="decimal"
              {...field.text('lat')}
            />
            <TextField label={t('network.form.lon')} inputMode="decimal" {...field.text('lon')} />
          </AddressFields>
          <fieldset className="network-fieldset">
            <legend>{t('network.offer.accessibility')}</legend>
            <CheckboxItem {...field.check('stepFree')}>{t('network.offers.stepFree')}</CheckboxItem>
            <CheckboxItem {...field.check('easyLanguage')}>{t('network.offers.easyLanguage')}</CheckboxItem>
          </fieldset>
          <CheckboxGroupField
            label={t('network.offer.languages')}
            options={Object.keys(offerLanguages).map((code) => ({ value: code, label: languageName(code) }))}
            {...field.checks('languages')}
          />
          <TextField
            label={t('network.form.cost')}
            description={t('network.form.costHelp')}
            inputMode="decimal"
            {...field.text('cost')}
            errorMessage={errors.costCents}
          />
          <TextField label={t('network.form.costNote')} {...field.text('costNote')} />
          <TextAreaField label={t('network.offer.schedule')} rows={2} {...field.text('schedule')} />
          <TextField
            label={t('network.form.capacity')}
            description={t('network.form.capacityHelp')}
            inputMode="numeric"
            {...field.text('capacity')}
          />
          <TextField label={t('network.form.freePlaces')} inputMode="numeric" {...field.text('freePlaces')} />
          <TextAreaField label={t('network.offer.howToRefer')} rows={2} {...field.text('howToRefer')} />
          <TextField label={t('network.form.validFrom')} type="date" {...field.text('validFrom')} />
          <TextField label={t('network.form.validTo')} type="date" {...field.text('validTo')} />
          <CheckboxItem {...field.check('shared')}>{t('network.form.shared')}</CheckboxItem>
        </>
      )}
    </EntityFormDialog>
  );
}
