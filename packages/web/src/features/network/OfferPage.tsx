import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { NotFoundPage } from '../../ui/ErrorPages.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { EntryActions } from './DirectoryActions.tsx';
import { formatEuro, useLanguageName } from './network.ts';
import { OfferFormDialog } from './OfferFormDialog.tsx';
import { PlacesText } from './OffersPage.tsx';
import './network.css';

/** One offer with everything a guide needs to refer; the owning agency may publish it to the region. */
export function OfferPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const languageName = useLanguageName();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const offer = useEndpoint(api.offers.read, id ? { params: { id } } : null);
  const dims = useDimensions();
  const [pending, setPending] = useState(false);
  const location = useLocation();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>(
    (location.state as { created?: boolean } | null)?.created
      ? { tone: 'success', text: t('network.form.offerCreated') }
      : undefined,
  );
  const canWrite = useCan('network.write');

  if (offer.error && (offer.error as { status?: number }).status === 404) return <NotFoundPage />;
  const o = offer.data;
  const toggleShared = async () => {
    if (!o) return;
    setPending(true);
    try {
      const next = await api.offers.update({
        params: { id: o.id },
        body: { shared: !o.shared },
      });
      setMessage({
        tone: 'success',
        text: next.shared ? t('network.offer.published') : t('network.offer.unpublished'),
      });
      offer.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setPending(false);
    }
  };
  const yesNo = (v: boolean) => (v ? t('network.yes') : t('network.no'));

  return (
    <Page
      title={o?.title ?? t('network.offers.title')}
      intro={o ? <p>{o.partner.name}</p> : null}
      actions={
        <EntryActions
          back="/angebote"
          backLabel={t('network.offer.back')}
          editor={
            o?.own && canWrite
              ? (dialog) => (
                  <OfferFormDialog
                    offer={o}
                    {...dialog}
                    onSaved={() => {
                      setMessage({ tone: 'success', text: t('network.form.saved') });
                      offer.reload();
                    }}
                  />
                )
              : undefined
          }
        >
          {o?.own && canWrite ? (
            <Button variant="secondary" onPress={() => void toggleShared()} isPending={pending}>
              {o.shared ? t('network.offer.unpublish') : t('network.offer.publish')}
            </Button>
          ) : null}
        </EntryActions>
      }
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Loaded query={offer}>
        {(o) => (
          <>
            <Section id="offer-description" title={t('network.offer.description')}>
              <p className="prewrap">{o.description || t('network.unknown')}</p>
            </Section>
            <Section id="offer-details" title={t('network.offer.details')}>
              <dl className="details-list">
                <dt>{t('network.offers.partner')}</dt>
                <dd>
                  <Link to={`/netzwerk/partner/${o.partner.id}`}>{o.partner.name}</Link> (
                  {t(`network.partnerKind.${o.partner.kind}`)})
                </dd>
                <dt>{t('network.offer.dimensions')}</dt>
                <dd>{o.dimensions.map(dims.labelOf).join(', ')}</dd>
                <dt>{t('network.offer.targetGroups')}</dt>
                <dd>
                  {o.targetGroups.length
                    ? o.targetGroups.map((g) => t(`network.targetGroup.${g}`)).join(', ')
                    : t('network.unknown')}
                </dd>
                <dt>{t('network.offers.district')}</dt>
                <dd>{o.districtName}</dd>
                <dt>{t('network.offer.address')}</dt>
                <dd>
                  {[o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
                    t('network.unknown')}
                </dd>
                <dt>{t('network.offer.accessibility')}</dt>
                <dd>
                  {t('network.offers.stepFree')}: {yesNo(o.stepFree)} · {t('network.offers.easyLanguage')}:{' '}
                  {yesNo(o.easyLanguage)}
                </dd>
                <dt>{t('network.offer.languages')}</dt>
                <dd>{o.languages.map(languageName).join(', ')}</dd>
                <dt>{t('network.offer.cost')}</dt>
                <dd>
                  {formatEuro(o.costCents, locale, t('network.free'), t('network.unknown'))}
                  {o.costNote ? ` (${o.costNote})` : ''}
                </dd>
                <dt>{t('network.offer.schedule')}</dt>
                <dd>{o.schedule ?? t('network.unknown')}</dd>
                <dt>{t('network.offer.capacity')}</dt>
                <dd>
                  <PlacesText offer={o} />
                </dd>
                <dt>{t('network.offer.howToRefer')}</dt>
                <dd>{o.howToRefer ?? t('network.unknown')}</dd>
                <dt>{t('network.offer.validity')}</dt>
                <dd>
                  {t('network.offer.validFromTo', {
                    from: o.validFrom ? formatDate(o.validFrom, locale) : t('network.offer.open'),
                    to: o.validTo ? formatDate(o.validTo, locale) : t('network.offer.open'),
                  })}
                </dd>
                <dt>{t('network.offer.agency')}</dt>
                <dd>
                  {o.agency.name}
                  {o.shared ? ` · ${t('network.offers.shared')}` : ''}
                </dd>
              </dl>
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
