import { AGENCY_LOGO_MAX_BYTES, type AgencyView, DEFAULT_TIME_ZONE, type Role } from '@lotse/domain';
import { agencyEndpoints } from '@lotse/domain/endpoints';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { staffRoles } from '../../app/domain.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroupField, CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

/**
 * Agency settings (admins): which roles must sign in with a second factor, who reads contact notes,
 * the letterhead of the PDFs (name and logo) and the time zone times are entered and shown in.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const agency = useEndpoint(api.agency.read, {});
  return (
    <Page title={t('settings.title')}>
      {agency.loading && !agency.data ? <Loading label={t('common.loading')} /> : null}
      {agency.error ? <Alert tone="error">{errorText(t, agency.error)}</Alert> : null}
      {agency.data ? (
        <div className="stack">
          <Section id="behoerde" title={t('settings.agencyTitle')}>
            <dl className="facts">
              <div>
                <dt>{t('home.agency')}</dt>
                <dd>{agency.data.name}</dd>
              </div>
              <div>
                <dt>{t('home.agencyKind')}</dt>
                <dd>{t(`agencyKinds.${agency.data.kind}`)}</dd>
              </div>
            </dl>
          </Section>
          <Section
            id="briefkopf"
            title={t('settings.letterheadTitle')}
            description={<p>{t('settings.letterheadIntro')}</p>}
          >
            <LetterheadForm agency={agency.data} onChange={agency.reload} />
          </Section>
          <Section
            id="zeitzone"
            title={t('settings.timeZoneTitle')}
            description={<p>{t('settings.timeZoneIntro')}</p>}
          >
            <TimeZoneForm agency={agency.data} />
          </Section>
          <Section
            id="zwei-faktor"
            title={t('settings.mfaTitle')}
            description={<p>{t('settings.mfaIntro')}</p>}
          >
            <MfaRolesForm agency={agency.data} />
          </Section>
          <Section
            id="kontaktnotizen"
            title={t('settings.notesTitle')}
            description={<p>{t('settings.notesIntro')}</p>}
          >
            <ContactNotesForm agency={agency.data} />
          </Section>
        </div>
      ) : null}
    </Page>
  );
}

function MfaRolesForm({ agency }: { agency: AgencyView }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>(agency.settings?.mfaRequiredRoles ?? []);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string; n: number }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setSelected(agency.settings?.mfaRequiredRoles ?? []);
  }, [agency]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const updated = await api.agency.updateSettings({
        body: { mfaRequiredRoles: selected as Role[] },
      });
      setSelected(updated.settings?.mfaRequiredRoles ?? (selected as Role[]));
      setStatus({ tone: 'success', text: t('settings.saved'), n: Date.now() });
    } catch (error) {
      setStatus({ tone: 'error', text: errorText(t, error), n: Date.now() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={submit} className="form" validationBehavior="aria">
      {status ? (
        <Alert key={status.n} tone={status.tone}>
          {status.text}
        </Alert>
      ) : null}
      <CheckboxGroupField
        label={t('settings.mfaRoles')}
        description={t('settings.mfaRolesDescription')}
        options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={selected}
        onChange={setSelected}
        name="mfaRequiredRoles"
      />
      <div className="form__actions">
        <Button type="submit" isPending={busy}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}

function ContactNotesForm({ agency }: { agency: AgencyView }) {
  const { t } = useTranslation();
  const [teamWide, setTeamWide] = useState(agency.settings?.contactNotesTeamWide ?? false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string; n: number }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setTeamWide(agency.settings?.contactNotesTeamWide ?? false);
  }, [agency]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Only this field is sent, so the two-factor roles are not overwritten with stale state.
      const updated = await api.agency.updateSettings({
        body: { contactNotesTeamWide: teamWide },
      });
      setTeamWide(updated.settings?.contactNotesTeamWide ?? teamWide);
      setStatus({ tone: 'success', text: t('settings.saved'), n: Date.now() });
    } catch (error) {
      setStatus({ tone: 'error', text: errorText(t, error), n: Date.now() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={submit} className="form" validationBehavior="aria">
      {status ? (
        <Alert key={status.n} tone={status.tone}>
          {status.text}
        </Alert>
      ) : null}
      <CheckboxItem isSelected={teamWide} onChange={setTeamWide}>
        {t('settings.notesTeamWide')}
      </CheckboxItem>
      <div className="form__actions">
        <Button type="submit" isPending={busy}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}

type Status = { tone: 'success' | 'error'; text: string; n: number };

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
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const fileId = useId();
  const fileHelpId = useId();
  const maxKb = Math.round(AGENCY_LOGO_MAX_BYTES / 1024);

  useEffect(() => {
    setName(agency.settings?.letterheadName ?? '');
  }, [agency]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setStatus({ tone: 'success', text: t('settings.saved'), n: Date.now() });
      onChange();
    } catch (error) {
      // The server says why a file is refused (type, size, damaged); the generic code text would not.
      const text = isApiError(error) ? detailedText(t, error) : errorText(t, error);
      setStatus({ tone: 'error', text, n: Date.now() });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Checked here too so that a wrong file is named at once; the server checks the content.
    const problem =
      file && file.type !== 'image/png' && file.type !== 'image/jpeg'
        ? t('settings.logoType')
        : file && file.size > AGENCY_LOGO_MAX_BYTES
          ? t('settings.logoTooBig', { kb: maxKb })
          : undefined;
    if (problem) {
      setStatus({ tone: 'error', text: problem, n: Date.now() });
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
    <Form onSubmit={submit} className="form" validationBehavior="aria">
      {status ? (
        <Alert key={status.n} tone={status.tone}>
          {status.text}
        </Alert>
      ) : null}
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
      <div className="form__actions">
        <Button type="submit" isPending={busy}>
          {t('common.save')}
        </Button>
        {agency.logo ? (
          <Button variant="secondary" onPress={() => void remove()} isDisabled={busy}>
            {t('settings.logoRemove')}
          </Button>
        ) : null}
      </div>
    </Form>
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
  const { t } = useTranslation();
  const [zone, setZone] = useState(agency.settings?.timeZone ?? DEFAULT_TIME_ZONE);
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => timeZoneOptions(zone), [zone]);

  useEffect(() => {
    setZone(agency.settings?.timeZone ?? DEFAULT_TIME_ZONE);
  }, [agency]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const updated = await api.agency.updateSettings({
        body: { timeZone: zone },
      });
      setZone(updated.settings?.timeZone ?? zone);
      setStatus({ tone: 'success', text: t('settings.saved'), n: Date.now() });
    } catch (error) {
      setStatus({ tone: 'error', text: errorText(t, error), n: Date.now() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={submit} className="form" validationBehavior="aria">
      {status ? (
        <Alert key={status.n} tone={status.tone}>
          {status.text}
        </Alert>
      ) : null}
      <SelectField
        label={t('settings.timeZone')}
        description={t('settings.timeZoneDescription')}
        options={options}
        selectedKey={zone}
        onSelectionChange={(key) => setZone(key ?? DEFAULT_TIME_ZONE)}
      />
      <div className="form__actions">
        <Button type="submit" isPending={busy}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
