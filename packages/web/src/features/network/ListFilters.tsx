import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

/**
 * The search and filters above a network list, named for screen readers (`label`). The search box
 * holds the text as typed; the search runs on submit, not on every key.
 */
export function ListToolbar({
  label,
  list,
  description,
  children,
}: {
  label: string;
  /** The list's filters in the address (`useListParams`); the search text is `suche`. */
  list: {
    get: (key: 'suche') => string;
    searchBy: (filter: 'suche', text: string) => (event: FormEvent) => void;
  };
  description?: ReactNode;
  /** The list's filters. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(list.get('suche'));
  return (
    <search className="toolbar network-filters" aria-label={label}>
      <Form onSubmit={list.searchBy('suche', draft)} className="toolbar__form">
        <TextField
          label={t('network.offers.query')}
          description={description}
          type="search"
          value={draft}
          onChange={setDraft}
        />
        <Button type="submit">{t('network.offers.search')}</Button>
      </Form>
      {children}
    </search>
  );
}

/** A filter of a network list held in the address ('' when unset): "any" clears it. */
export function FilterSelect<K extends string>({
  label,
  options,
  filter,
  list,
}: {
  label: string;
  options: { id: string; label: string }[];
  filter: K;
  /** The list's filters in the address (`useListParams`). */
  list: { get: (key: K) => string; update: (next: Partial<Record<K, string>>) => void };
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label}
      options={[{ id: 'all', label: t('network.any') }, ...options]}
      selectedKey={list.get(filter) || 'all'}
      onSelectionChange={(k) =>
        list.update({ [filter]: k === 'all' ? '' : (k ?? '') } as Partial<Record<K, string>>)
      }
    />
  );
}

/** The district filter of a network list (`sozialraum`), over the agency's districts. */
export function DistrictFilter({
  districts,
  list,
}: {
  districts: readonly { key: string; name: string }[];
  list: Parameters<typeof FilterSelect<'sozialraum'>>[0]['list'];
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      label={t('network.offers.district')}
      options={districts.map((d) => ({ id: d.key, label: d.name }))}
      filter="sozialraum"
      list={list}
    />
  );
}
