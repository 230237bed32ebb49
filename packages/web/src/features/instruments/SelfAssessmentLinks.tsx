import type { SelfAssessmentLinkSummary } from '@lotse/domain';
import { useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import type { QueryState } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { tr } from './text.ts';

/**
 * The client's self-assessment links with their status; a guide revokes an open link at once (a
 * link handed to the wrong person, a client who no longer wants it). Tokens are never shown again.
 */
export function SelfAssessmentLinks({
  links,
  canWrite,
}: {
  links: QueryState<{ items: SelfAssessmentLinkSummary[] }>;
  canWrite: boolean;
}) {
  const { t, lang, locale } = useLanguage();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const items = links.data?.items ?? [];
  if (items.length === 0 && !links.error) return null;

  const revoke = async (id: string) => {
    setBusy(id);
    setError(undefined);
    setNotice(undefined);
    try {
      await api.selfAssessment.revokeLink({ params: { id } });
      setNotice(t('assessments.selfLinks.revoked'));
      links.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(locale) : '');

  return (
    <div>
      <h3>{t('assessments.selfLinks.title')}</h3>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error || links.error ? (
        <Alert tone="error">
          {isApiError(error) ? detailedText(t, error) : errorText(t, error ?? links.error)}
        </Alert>
      ) : null}
      <TableRegion
        caption={t('assessments.selfLinks.title')}
        captionHidden
        labelTable
        columns={[
          { label: t('assessments.entry.instrument') },
          { label: t('assessments.entry.occasion') },
          { label: t('assessments.selfLinks.created') },
          { label: t('assessments.selfLinks.status') },
          { label: t('assessments.selfLinks.actions'), hidden: true },
        ]}
      >
        {items.map((l) => (
          <tr key={l.id}>
            <td>{tr(l.instrument.title, lang)}</td>
            <td>{t(`assessments.occasion.${l.occasion}`)}</td>
            <td>{day(l.createdAt)}</td>
            <td>
              {t(`assessments.selfLinks.state.${l.status}`, {
                date: day(l.status === 'open' ? l.expiresAt : (l.revokedAt ?? l.completedAt ?? l.expiresAt)),
              })}
            </td>
            <td>
              {canWrite && l.status === 'open' ? (
                <Button
                  variant="secondary"
                  size="sm"
                  isPending={busy === l.id}
                  onPress={() => void revoke(l.id)}
                  aria-label={t('assessments.selfLinks.revokeFor', {
                    instrument: tr(l.instrument.title, lang),
                    date: day(l.createdAt),
                  })}
                >
                  {t('assessments.selfLinks.revoke')}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </TableRegion>
    </div>
  );
}
