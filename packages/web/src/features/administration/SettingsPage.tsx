import { AGENCY_LOGO_MAX_BYTES, type AgencyView, DEFAULT_TIME_ZONE, type Role } from '@lotse/domain';
import { agencyEndpoints } from '@lotse/domain/endpoints';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useStatus } from '../../ui/StatusAlert.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import { StaffRolesField } from './StaffRolesField.tsx';

/**
 * Agency settings (admins): which roles must sign in with a second factor, who reads contact notes,
 * the letterhead of the PDFs (name and logo) and the time zone times are entered and shown in.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const agency = useEndpoint(api.agency.read, {});
  return (
    <Page title={t('settings.title')}>
      <Loaded query={agency}>
        {(data) => (
          <div className="stack">
            <Section id="behoerde" title={t('settings.agencyTitle')}>
              <FactList
                facts={[
                  { label: t('home.agency'), value: data.name },
                  { label: t('home.agencyKind'), value: t(`agencyKinds.${data.kind}`) },
                ]}
              />
            </Section>
            {settingSections.map(({ id, texts, form }) => (
              <Section
                key={id}
                id={id}
                title={t(`settings.${texts}Title`)}
                description={<p>{t(`settings.${texts}Intro`)}</p>}
              >
                {form(data, agency.reload)}
              </Section>
            ))}
          </div>
        )}
      </Loaded>
    </Page>
  );
}

/** The settings with a form of their own, in page order: anchor, prefix of their texts, form. */
const settingSections: {
  id: string;
  texts: string;
  form: (agency: AgencyView, reload: () => void) => ReactNode;
}[] = [
  {
    id: 'briefkopf',
    texts: 'letterhead',
    form: (agency, reload) => <LetterheadForm agency={agency} onChange={reload} />,
  },
  { id: 'zeitzone', texts: 'timeZone', form: (agency) => <TimeZoneForm agency={agency} /> },
  { id: 'zwei-faktor', texts: 'mfa', form: (agency) => <MfaRolesForm agency={agency} /> },
  { id: 'kontaktnotizen', texts: 'notes', form: (agency) => <ContactNotesForm agency={agency} /> },
];

type SettingsUpdate = Parameters<typeof api.agency.updateSettings>[0]['body'];

/**
 * A form for one agency setting with its own save button. Only this setting is sent, so the others
 * are not overwritten with stale state.
 */
function SettingForm<T>({
  agency,
  read,
  fallback,
  write,
  children,
}: {
  agency: AgencyView;
  /** The setting's value in the agency's settings, if set. */
  read: (settings: AgencyView['settings']) => T | undefined;
  fallback: T;
  write: (value: T) => SettingsUpdate;
  /** The field that edits the value. */
  children: (value: T, onChange: (value: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<T>(read(agency.settings) ?? fallback);
  const { status, report } = useStatus();
  const { pending, run } = usePendingAction();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the agency was reloaded
  useEffect(() => {
    setValue(read(agency.settings) ?? fallback);
  }, [agency]);

  const save = async () => {
    try {
      const updated = await api.agency.updateSettings({ body: write(value) });
      setValue(read(updated.settings) ?? value);
      report('success', t('settings.saved'));
    } catch (error) {
      report('error', errorText(t, error));
    }
  };

  return (
    <SubmitForm onSubmit={() => run(save)} status={status} submitLabel={t('common.save')} pending={pending}>
      {children(value, setValue)}
    </SubmitForm>
  );
}

function MfaRolesForm({ agency }: { agency: AgencyView }) {
  const { t } = useTranslation();
  return (
    <SettingForm<string[]>
      agency={agency}
      read={(settings) => settings?.mfaRequiredRoles}
      fallback={[]}
      write={(roles) => ({ mfaRequiredRoles: roles as Role[] })}
    >
      {(selected, setSelected) => (
        <StaffRolesField
          label={t('settings.mfaRoles')}
          description={t('settings.mfaRolesDescription')}
          value={selected}
          onChange={setSelected}
          name="mfaRequiredRoles"
        />
      )}
    </SettingForm>
  );
}

function ContactNotesForm({ agency }: { agency: AgencyView }) {
  const { t } = useTranslation();
  return (
    <SettingForm
      agency={agency}
      read={(settings) => settings?.contactNotesTeamWide}
      fallback={false}
      write={(teamWide) => ({ contactNotesTeamWide: teamWide })}
    >
      {(teamWide, setTeamWide) => (
        <CheckboxItem isSelected={teamWide} onChange={setTeamWide}>
          {t('settings.notesTeamWide')}
        </CheckboxItem>
      )}
    </SettingForm>
  );
}

/** Reads a file as base64 (without the data-URL prefix) for the JSON upload. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function LetterheadForm({ agency, onChange }: { agency: AgencyView; onChange: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(agency.settings?.letterheadName ?? '');
  const [file, setFile] = useState<File>();
  const { status, report } = useStatus();
  const { pending: busy, run: runOnce } = usePendingAction();
  const fileId = useId();
  const fileHelpId = useId();
  const maxKb = Math.round(AGENCY_LOGO_MAX_BYTES / 1024);

  useEffect(() => {
    setName(agency.settings?.letterheadName ?? '');
  }, [agency]);

  const run = (action: () => Promise<void>) =>
    runOnce(async () => {
      try {
        await action();
        report('success', t('settings.saved'));
        onChange();
      } catch (error) {
        // The server says why a file is refused (type, size, damaged); the generic code text would not.
        report('error', isApiError(error) ? detailedText(t, error) : errorText(t, error));
      }
    });

  const submit = () => {
    // Checked here too so that a wrong file is named at once; the server checks the content.
    const problem =
      file && file.type !== 'image/png' && file.type !== 'image/jpeg'
        ? t('settings.logoType')
        : file && file.size > AGENCY_LOGO_MAX_BYTES
          ? t('settings.logoTooBig', { kb: maxKb })
          : undefined;
    if (problem) {
      report('error', problem);
      return;
    }
    void run(async () => {
      if (file && (file.type === 'image/png' || file.type === 'image/jpeg')) {
        await api.agency.uploadLogo({
          body: { contentType: file.type, data: await base64Of(file) },
        });
        setFile(undefined);
      }
      // Only this field is sent, so other settings are not overwritten with stale state.
      await api.agency.updateSettings({
        body: { letterheadName: name.trim() },
      });
    });
  };

  const remove = () =>
    run(async () => {
      await api.agency.removeLogo();
    });

  return (
    <SubmitForm
      onSubmit={submit}
      status={status}
      submitLabel={t('common.save')}
      pending={busy}
      actions={
        agency.logo ? (
          <Button variant="secondary" onPress={() => void remove()} isDisabled={busy}>
            {t('settings.logoRemove')}
          </Button>
        ) : null
      }
    >
      <TextField
        label={t('settings.letterheadName')}
        description={t('settings.letterheadNameDescription', { name: agency.name })}
        value={name}
        onChange={setName}
        maxLength={120}
        name="letterheadName"
      />
      <div className="field">
        <label htmlFor={fileId} className="field__label">
          {t('settings.logo')}
        </label>
        <span id={fileHelpId} className="field__description">
          {t('settings.logoDescription', { kb: maxKb })}
        </span>
        <input
          id={fileId}
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby={fileHelpId}
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </div>
      {agency.logo ? (
        <div className="stack">
          <p>{t('settings.logoCurrent')}</p>
          <img
            className="letterhead-logo"
            src={`${agencyEndpoints.downloadLogo.path}?v=${encodeURIComponent(agency.logo.updatedAt)}`}
            alt={t('settings.logoAlt', { name: agency.settings?.letterheadName || agency.name })}
          />
        </div>
      ) : (
        <p>{t('settings.logoNone')}</p>
      )}
    </SubmitForm>
  );
}

/** IANA zones this browser knows, with the current UTC offset so that people recognise them. */
function timeZoneOptions(current: string) {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_TIME_ZONE],
  );
  zones.add(current);
  zones.add(DEFAULT_TIME_ZONE);
  const now = new Date();
  return [...zones].sort().map((zone) => {
    let offset = '';
    try {
      offset =
        new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
          .formatToParts(now)
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    const label = zone.replaceAll('_', ' ');
    return { id: zone, label: offset ? `${label} (${offset})` : label };
  });
}

function TimeZoneForm({ agency }: { agency: AgencyView }) {
  return (
    <SettingForm
      agency={agency}
      read={(settings) => settings?.timeZone}
      fallback={DEFAULT_TIME_ZONE}
      write={(timeZone) => ({ timeZone })}
    >
      {(zone, setZone) => <TimeZoneField zone={zone} onChange={setZone} />}
    </SettingForm>
  );
}

function TimeZoneField({ zone, onChange }: { zone: string; onChange: (zone: string) => void }) {
  const { t } = useTranslation();
  const options = useMemo(() => timeZoneOptions(zone), [zone]);
  return (
    <SelectField
      label={t('settings.timeZone')}
      description={t('settings.timeZoneDescription')}
      options={options}
      selectedKey={zone}
      onSelectionChange={(key) => onChange(key ?? DEFAULT_TIME_ZONE)}
    />
  );
}
