import type { CaseView } from '@lotse/domain';
import { useTranslation } from 'react-i18next';

/** Open or closed, in words and colour. */
export function CaseStatusBadge({ status }: { status: CaseView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status === 'open' ? 'success' : 'neutral'}`}>
      {t(`casework.caseStatus.${status}`)}
    </span>
  );
}
