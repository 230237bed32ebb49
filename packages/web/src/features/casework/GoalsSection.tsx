import type { ClientView, GoalView } from '@lotse/domain';
import { type GoalStatus, goalStatuses } from '@lotse/domain/codes';
import { clientRecordEndpoints } from '@lotse/domain/endpoints';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { checkDateOrder } from '../../app/dateOrder.ts';
import { formatDate, todayIso } from '../../app/dates.ts';
import type { QueryState } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Button } from '../../ui/Button.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import type { AddToClientProps, EditDialogProps } from './clientDialog.ts';
import { DocumentLink } from './DocumentLink.tsx';
import { RecordTable } from './RecordTable.tsx';
import { SectionActions } from './SectionActions.tsx';
import { useNeedDimensions } from './useNeedDimensions.ts';

/**
 * Goal agreement: goals on participation dimensions with steps, target date, status and review. The
 * goals and the open form come from the client page, whose summary counts them and opens the form too.
 */
export function GoalsSection({
  client,
  goals,
  adding,
  onAddingChange: setAdding,
}: {
  client: ClientView;
  goals: QueryState<{ items: GoalView[] }>;
  adding: { dimension: string | null } | null;
  onAddingChange: (adding: { dimension: string | null } | null) => void;
}) {
  const { t, locale } = useLanguage();
  const dimensions = useDimensions();
  const today = todayIso();
  const needs = useNeedDimensions(client.id);
  const [reviewing, setReviewing] = useState<GoalView>();

  return (
    <Section id="ziele" title={t('casework.goal.title')}>
      {needs.length > 0 && !client.anonymised ? (
        <div className="card__description">
          <p>{t('casework.goal.needsIntro')}</p>
          <div className="section-actions">
            {needs.map((key) => (
              <Button key={key} variant="secondary" size="sm" onPress={() => setAdding({ dimension: key })}>
                {t('casework.goal.fromNeed', { dimension: dimensions.labelOf(key) })}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      <RecordTable
        query={goals}
        texts="goal"
        columns={['goal', 'dimension', 'targetDate', 'status']}
        cells={(g) => (
          <>
            <th scope="row">
              {g.title}
              {g.steps.length > 0 ? (
                <ul className="muted">
                  {g.steps.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              ) : null}
              {g.review ? <p className="muted">{g.review}</p> : null}
            </th>
            <td>{dimensions.labelOf(g.dimension)}</td>
            <td className="cell--nowrap">
              {formatDate(g.targetDate, locale)}
              {g.status === 'open' && g.targetDate < today ? (
                <>
                  {' '}
                  <span className="badge badge--warning">{t('casework.goal.overdue')}</span>
                </>
              ) : null}
            </td>
            <td>{t(`casework.goalStatus.${g.status}`)}</td>
          </>
        )}
        action={(g) =>
          client.anonymised
            ? null
            : {
                label: t('casework.goal.review'),
                accessibleLabel: t('casework.goal.reviewLabel', { title: g.title }),
                onPress: () => setReviewing(g),
              }
        }
      />
      {!client.anonymised ? (
        <SectionActions label={t('casework.goal.add')} onPress={() => setAdding({ dimension: null })}>
          <DocumentLink path={clientRecordEndpoints.downloadGoalAgreement.path} clientId={client.id}>
            {t('casework.goal.print')}
          </DocumentLink>
        </SectionActions>
      ) : null}
      {adding ? (
        <AddGoalDialog
          clientId={client.id}
          options={dimensions.options}
          initialDimension={adding.dimension}
          onClose={() => setAdding(null)}
          onAdded={goals.reload}
        />
      ) : null}
      {reviewing ? (
        <ReviewGoalDialog
          key={reviewing.id}
          goal={reviewing}
          onClose={() => setReviewing(undefined)}
          onSaved={goals.reload}
        />
      ) : null}
    </Section>
  );
}

function AddGoalDialog({
  clientId,
  options,
  initialDimension,
  onClose,
  onAdded,
}: AddToClientProps & {
  options: { id: string; label: string }[];
  initialDimension: string | null;
}) {
  const { t, locale } = useLanguage();
  const form = useDraft(() => ({
    title: '',
    dimension: initialDimension,
    agreedOn: todayIso(),
    targetDate: '',
    steps: '',
  }));
  const { title, dimension, agreedOn, targetDate, steps } = form.draft;
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.goal.add')}
      submitLabel={t('casework.goal.agree')}
      onSubmit={async () => {
        checkDateOrder(t, 'goalTarget', agreedOn, targetDate, formatDate(agreedOn, locale));
        await api.goals.create({
          params: { id: clientId },
          body: {
            title,
            ...(dimension ? { dimension } : {}),
            agreedOn,
            targetDate,
            steps: steps
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          },
        });
        onAdded();
      }}
    >
      {(field) => (
        <>
          <TextField label={t('casework.goal.goal')} isRequired {...field.text('title')} />
          <SelectField
            label={t('casework.goal.dimension')}
            options={options}
            placeholder={t('casework.choose')}
            {...field.select('dimension')}
          />
          <TextField label={t('casework.goal.agreedOn')} type="date" isRequired {...field.text('agreedOn')} />
          <TextField
            label={t('casework.goal.targetDate')}
            type="date"
            isRequired
            {...field.text('targetDate')}
          />
          <TextAreaField label={t('casework.goal.steps')} {...field.text('steps')} />
        </>
      )}
    </DraftDialog>
  );
}

function ReviewGoalDialog({ goal, onClose, onSaved }: { goal: GoalView } & EditDialogProps) {
  const { t } = useTranslation();
  const form = useDraft(() => ({
    status: goal.status as GoalStatus | null,
    review: goal.review ?? '',
  }));
  const { status, review } = form.draft;
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.goal.reviewTitle', { title: goal.title })}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await api.goals.update({
          params: { id: goal.id },
          body: { status: status ?? undefined, review: review.trim() || null },
        });
        onSaved();
      }}
    >
      {(field) => (
        <>
          <SelectField
            label={t('casework.goal.status')}
            options={goalStatuses.map((s) => ({ id: s, label: t(`casework.goalStatus.${s}`) }))}
            {...field.select('status')}
          />
          <TextAreaField label={t('casework.goal.reviewText')} {...field.text('review')} />
        </>
      )}
    </DraftDialog>
  );
}
