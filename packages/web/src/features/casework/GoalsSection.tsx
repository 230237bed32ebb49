import type { ClientView, GoalView } from '@lotse/domain';
import { type GoalStatus, goalStatuses } from '@lotse/domain/codes';
import { clientRecordEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { checkDateOrder } from '../../app/dateOrder.ts';
import { formatDate, todayIso } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import type { QueryState } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
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
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const dimensions = useDimensions();
  const today = todayIso();
  const needs = useNeedDimensions(client.id);
  const [reviewing, setReviewing] = useState<GoalView>();

  return (
    <Section id="ziele" title={t('casework.goal.title')}>
      {goals.error ? <Alert tone="error">{errorText(t, goals.error)}</Alert> : null}
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
      {goals.data && goals.data.items.length > 0 ? (
        <TableRegion
          caption={t('casework.goal.title')}
          captionHidden
          labelTable
          columns={[
            { label: t('casework.goal.goal') },
            { label: t('casework.goal.dimension') },
            { label: t('casework.goal.targetDate') },
            { label: t('casework.goal.status') },
            { label: t('casework.actions'), hidden: true },
          ]}
        >
          {goals.data.items.map((g) => (
            <tr key={g.id}>
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
              <td>
                {!client.anonymised ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onPress={() => setReviewing(g)}
                    aria-label={t('casework.goal.reviewLabel', { title: g.title })}
                  >
                    {t('casework.goal.review')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </TableRegion>
      ) : goals.data ? (
        <p>t('casework.goal.none')</p>
      ) : null}
      {!client.anonymised ? (
        <div className="section-actions">
          <Button variant="secondary" onPress={() => setAdding({ dimension: null })}>
            {t('casework.goal.add')}
          </Button>
          <a
            className="btn btn--quiet"
            href={fillPath(clientRecordEndpoints.downloadGoalAgreement.path, { id: client.id })}
            target="_blank"
            rel="noopener"
          >
            {t('casework.goal.print')}
          </a>
        </div>
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
}: {
  clientId: string;
  options: { id: string; label: string }[];
  initialDimension: string | null;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const [title, setTitle] = useState('');
  const [dimension, setDimension] = useState<string | null>(initialDimension);
  const [agreedOn, setAgreedOn] = useState(todayIso());
  const [targetDate, setTargetDate] = useState('');
  const [steps, setSteps] = useState('');
  return (
    <FormDialog
      title={t('casework.goal.add')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
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
      {(errors) => (
        <>
          <TextField
            label={t('casework.goal.goal')}
            isRequired
            value={title}
            onChange={setTitle}
            errorMessage={errors.title}
          />
          <SelectField
            label={t('casework.goal.dimension')}
            options={options}
            selectedKey={dimension}
            onSelectionChange={setDimension}
            placeholder={t('casework.choose')}
          />
          {errors.dimension ? <p className="field__error">{errors.dimension}</p> : null}
          <TextField
            label={t('casework.goal.agreedOn')}
            type="date"
            isRequired
            value={agreedOn}
            onChange={setAgreedOn}
            errorMessage={errors.agreedOn}
          />
          <TextField
            label={t('casework.goal.targetDate')}
            type="date"
            isRequired
            value={targetDate}
            onChange={setTargetDate}
            errorMessage={errors.targetDate}
          />
          <TextAreaField
            label={t('casework.goal.steps')}
            value={steps}
            onChange={setSteps}
            errorMessage={errors.steps}
          />
        </>
      )}
    </FormDialog>
  );
}

function ReviewGoalDialog({
  goal,
  onClose,
  onSaved,
}: {
  goal: GoalView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<GoalStatus | null>(goal.status);
  const [review, setReview] = useState(goal.review ?? '');
  return (
    <FormDialog
      title={t('casework.goal.reviewTitle', { title: goal.title })}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await api.goals.update({
          params: { id: goal.id },
          body: { status: status ?? undefined, review: review.trim() || null },
        });
        onSaved();
      }}
    >
      {(errors) => (
        <>
          <SelectField
            label={t('casework.goal.status')}
            options={goalStatuses.map((s) => ({ id: s, label: t(`casework.goalStatus.${s}`) }))}
            selectedKey={status}
            onSelectionChange={setStatus}
          />
          <TextAreaField
            label={t('casework.goal.reviewText')}
            value={review}
            onChange={setReview}
            errorMessage={errors.review}
          />
        </>
      )}
    </FormDialog>
  );
}
