import { isSuppressed, type PublishedCount, SUPPRESSION_SYMBOL } from '@lotse/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage, localeOf } from '../i18n/index.ts';

/**
 * A published count: the number, or the neutral symbol for a hidden cell. The symbol says nothing
 * about the size (secondary suppression hides large cells too); screen readers hear "anonymised".
 */
export function Count({ value }: { value: PublishedCount }) {
  const { t } = useTranslation();
  if (isSuppressed(value))
    return (
      <span>
        <span aria-hidden="true">{SUPPRESSION_SYMBOL}</span>
        <span className="visually-hidden">{t('common.suppressed.label')}</span>
      </span>
    );
  return <>{new Intl.NumberFormat(localeOf[currentLanguage()]).format(value)}</>;
}

/** The legend for tables with hidden cells, as official statistics print it below the table. */
export function SuppressionLegend({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return <p className="muted">{t('common.suppressed.legend', { symbol: SUPPRESSION_SYMBOL, threshold })}</p>;
}
