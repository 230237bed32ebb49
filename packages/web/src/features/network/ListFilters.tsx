import type { FormEvent, ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** The search box of a network list; the search runs on submit, not on every key. */
export function ListSearch({
  value,
  onChange,
  onSearch,
  description,
}: {
  value: string;
  onChange: (value: string) => void;
  onSearch: (event: FormEvent) => void;
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form onSubmit={onSearch} className="toolbar__form">
      <TextField
        label={t('network.offers.query')}
        description={description}
        type="search"
        value={value}
        onChange={onChange}
      />
      <Button type="submit">{t('network.offers.search')}</Button>
    </Form>
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
