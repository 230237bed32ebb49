import type { AgencyView, Role } from '@lotse/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { staffRoles } from '../../app/domain.ts';
import { errorText } from '../../app/errors.ts';
import { useApiQuery } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroupField, CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';

/** Agency settings (admins): which roles must sign in with a second factor, who reads contact notes. */
export function SettingsPage() {
  const { t } = useTranslation();
  const agency = useApiQuery<AgencyView>('/api/agency');
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
      const updated = await api<AgencyView>('/api/agency/settings', {
        method: 'PATCH',
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
      const updated = await api<AgencyView>('/api/agency/settings', {
        method: 'PATCH',
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
