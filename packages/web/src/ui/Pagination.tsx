import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/** Previous/next paging with the position spelled out; hidden when everything fits on one page. */
export function Pagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <Button variant="secondary" size="sm" isDisabled={page <= 1} onPress={() => onChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <span className="pagination__status">{t('pagination.status', { page, pages })}</span>
      <Button variant="secondary" size="sm" isDisabled={page >= pages} onPress={() => onChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
