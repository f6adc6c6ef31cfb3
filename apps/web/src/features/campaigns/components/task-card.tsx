import { EARLIEST_EVENT_ON, MARKETPLACE_LABELS } from '@counterpoint/core';
import { fileCampaignTaskBodySchema, type CampaignTaskView } from '@counterpoint/core/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyButton } from '../../../components/copy-button';
import { Countdown, DateText } from '../../../components/date-text';
import { Field, TextAreaField } from '../../../components/field';
import { Badge } from '../../../components/status-badge';
import { formatDate, plural, todayIso } from '../../../lib/format';
import { useFileTask } from '../api/file-task';
import { useSkipTask } from '../api/skip-task';
import { TASK_STATUS } from './campaign-labels';
import styles from './campaigns.module.css';

interface TaskCardProps {
  task: CampaignTaskView;
  collectiveId: string;
  /** Draws the eye to the task a notification pointed at. */
  isHighlighted?: boolean;
  /** Told when the task was recorded as filed or skipped here. */
  onDone?: (task: CampaignTaskView) => void;
}

/**
 * One task of mine: the day, the listings to paste into IPP's "Option 2" box, the IPR to
 * choose, the reason text, and the two ways out — recorded as filed (which creates the
 * complaint) or skipped with a reason.
 */
export function TaskCard({
  task: initialTask,
  collectiveId,
  isHighlighted,
  onDone,
}: TaskCardProps) {
  const ref = { collectiveId, campaignId: initialTask.campaignId, taskId: initialTask.id };
  const fileTask = useFileTask(ref);
  const skipTask = useSkipTask(ref);
  // The answer to my own action is the freshest view of the task until the list reloads.
  const task = fileTask.data ?? skipTask.data ?? initialTask;
  const id = useId();
  const card = useRef<HTMLElement>(null);
  const [isRecording, setRecording] = useState(false);
  const [isSkipping, setSkipping] = useState(false);
  const canAct = task.status === 'planned' && task.artist.isYou;
  const store = task.seller.name ?? task.seller.storeId;

  useEffect(() => {
    if (!isHighlighted) return;
    card.current?.scrollIntoView({ block: 'start' });
    card.current?.focus({ preventScroll: true });
  }, [isHighlighted]);

  return (
    <article
      ref={card}
      className={`card ${styles.taskCard}`}
      data-status={task.status}
      data-highlighted={isHighlighted || undefined}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <header className={styles.taskHead}>
        <div>
          <h2 id={`${id}-title`} className={styles.taskTitle}>
            {task.status === 'filed' && task.filedOn ? (
              <>Filed on {formatDate(task.filedOn)}</>
            ) : (
              <>File on {formatDate(task.fileOn)}</>
            )}
            {': '}
            {task.ipr.artworkTitle}
          </h2>
          <p className="small muted">
            {plural(task.listings.length, 'listing')} of {store} on{' '}
            {MARKETPLACE_LABELS[task.marketplace]}
            {task.partCount > 1 && ` · complaint ${task.part} of ${task.partCount} for this design`}
          </p>
        </div>
        <div className={styles.taskStatus}>
          <Badge tone={task.isOverdue ? 'danger' : TASK_STATUS[task.status].tone}>
            {task.isOverdue ? 'Overdue' : TASK_STATUS[task.status].label}
          </Badge>
          {task.status === 'planned' && <Countdown dueOn={task.fileOn} showDate={false} />}
        </div>
      </header>

      {task.status === 'filed' && (
        <div className="alert alert-success" role="status">
          Recorded as filed{task.filedOn && <> on {formatDate(task.filedOn)}</>}: the complaint is
          created, with its check-back and counter-notice reminders.{' '}
          {task.complaintId && (
            <Link to={`/complaints/${task.complaintId}`}>Open the complaint</Link>
          )}
        </div>
      )}
      {task.status === 'skipped' && (
        <p className="alert alert-info">
          Skipped{task.skipReason && <>: “{task.skipReason}”</>}. The next plan gives these listings
          to other members whose work they copy, if any.
        </p>
      )}
      {task.status === 'cancelled' && (
        <p className="alert alert-info">This task is no longer in the plan.</p>
      )}

      {task.status === 'planned' && (
        <>
          <dl className={styles.iprFacts}>
            <div>
              <dt>On IPP, choose the IPR</dt>
              <dd>
                <strong>{task.ipr.artworkTitle}</strong>
                {task.ipr.iprReference ? (
                  <>
                    {' '}
                    · reference <code>{task.ipr.iprReference}</code>
                  </>
                ) : (
                  <span className="muted"> (no IPR reference recorded)</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Reason</dt>
              <dd>Pirated copy</dd>
            </div>
            {task.expectedEstablishedOn && (
              <div>
                <dt>Removal expected</dt>
                <dd>
                  <DateText value={task.expectedEstablishedOn} />
                  {task.isOnOwnDay && <span className="muted"> (a day of its own)</span>}
                </dd>
              </div>
            )}
          </dl>
          <CopyBox
            label={`Listings for “Option 2” (${plural(task.listings.length, 'URL')}, one a line)`}
            text={task.pasteList}
            copyLabel={`Copy ${plural(task.listings.length, 'URL')}`}
            rows={Math.min(6, Math.max(2, task.listings.length))}
            isList
          />
          <CopyBox
            label="Reason text"
            text={task.reasonText}
            copyLabel="Copy reason text"
            rows={3}
          />
          <p className="small muted">
            <strong>Why this task:</strong> {task.explanation}
          </p>
        </>
      )}

      {canAct && (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            aria-expanded={isRecording}
            aria-controls={`${id}-record`}
            onClick={() => setRecording((open) => !open)}
          >
            Record as filed
          </button>
          <button type="button" className="button ghost" onClick={() => setSkipping(true)}>
            Skip
          </button>
        </div>
      )}
      {canAct && isRecording && (
        <RecordFiledForm
          id={`${id}-record`}
          isPending={fileTask.isPending}
          error={fileTask.error?.message ?? null}
          onCancel={() => setRecording(false)}
          onSubmit={(body) =>
            fileTask.mutate(body, {
              onSuccess: (filed) => {
                setRecording(false);
                // The form is gone: focus the card, whose outcome is announced.
                card.current?.focus();
                onDone?.(filed);
              },
            })
          }
        />
      )}
      {isSkipping && (
        <SkipDialog
          task={task}
          isPending={skipTask.isPending}
          error={skipTask.error?.message ?? null}
          onCancel={() => setSkipping(false)}
          onConfirm={(reason) =>
            skipTask.mutate(
              { reason },
              {
                onSuccess: (skipped) => {
                  setSkipping(false);
                  card.current?.focus();
                  onDone?.(skipped);
                },
              },
            )
          }
        />
      )}
    </article>
  );
}

function CopyBox({
  label,
  text,
  copyLabel,
  rows,
  isList = false,
}: {
  label: string;
  text: string;
  copyLabel: string;
  rows: number;
  /** One item a line, never wrapped (URLs); prose wraps. */
  isList?: boolean;
}) {
  const id = useId();
  return (
    <div className={styles.copyBox}>
      <div className={styles.copyBoxHead}>
        <label htmlFor={id}>{label}</label>
        <CopyButton text={text} label={copyLabel} className="button small primary" />
      </div>
      <textarea
        id={id}
        className={isList ? `mono ${styles.copyBoxText} ${styles.copyBoxList}` : styles.copyBoxText}
        readOnly
        value={text}
        rows={rows}
        onFocus={(event) => event.currentTarget.select()}
      />
    </div>
  );
}

function RecordFiledForm({
  id,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  isPending: boolean;
  error: string | null;
  onSubmit: (body: { filedOn: string; ippReference?: string }) => void;
  onCancel: () => void;
}) {
  const today = todayIso();
  const [filedOn, setFiledOn] = useState(today);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ filedOn?: string; ippReference?: string }>({});
  const titleId = useId();
  const firstField = useRef<HTMLDivElement>(null);

  useEffect(() => {
    firstField.current?.querySelector('input')?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors: typeof errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(filedOn)) nextErrors.filedOn = 'Give the day you filed it.';
    else if (filedOn > today)
      nextErrors.filedOn = 'That day has not come yet: file it on IPP first.';
    const body = {
      filedOn,
      ...(reference.trim() ? { ippReference: reference.trim() } : {}),
    };
    const parsed = fileCampaignTaskBodySchema.safeParse(body);
    if (!parsed.success && !nextErrors.filedOn) {
      nextErrors.ippReference = 'Use at most 100 characters.';
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    onSubmit(body);
  };

  return (
    <form
      id={id}
      className={styles.recordForm}
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className={styles.recordTitle}>
        When did you file it?
      </h3>
      <p className="small muted">
        Counterpoint creates the complaint (submitted, shared with the collective) and reminds you
        to check IPP for its outcome.
      </p>
      <div className="form-grid" ref={firstField}>
        <Field
          label="Filed on IPP on"
          type="date"
          min={EARLIEST_EVENT_ON}
          max={today}
          value={filedOn}
          onChange={(event) => setFiledOn(event.target.value)}
          error={errors.filedOn}
          required
        />
        <Field
          label="IPP reference (optional)"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          error={errors.ippReference}
          hint="The complaint number IPP shows, if you have it."
          maxLength={100}
          autoComplete="off"
        />
      </div>
      {error && <Alert>{error}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Recording…' : 'Record and create the complaint'}
        </button>
        <button type="button" className="button ghost" onClick={onCancel} disabled={isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SkipDialog({
  task,
  isPending,
  error,
  onConfirm,
  onCancel,
}: {
  task: CampaignTaskView;
  isPending: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  return (
    <ConfirmDialog
      title={`Skip ${task.ipr.artworkTitle} on ${formatDate(task.fileOn)}?`}
      confirmLabel="Skip this task"
      tone="primary"
      isPending={isPending}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        const trimmed = reason.trim();
        if (!trimmed) {
          setFieldError('Say why, so the collective knows (for example: “on holiday”).');
          return;
        }
        if (trimmed.length > 1000) {
          setFieldError('Use at most 1,000 characters.');
          return;
        }
        onConfirm(trimmed);
      }}
    >
      <div className="stack-sm">
        <p>
          You will not file this complaint. The next plan gives these listings to other members
          whose work they copy, if any; it never gives them back to you for this design.
        </p>
        <TextAreaField
          label="Why"
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setFieldError(undefined);
          }}
          error={fieldError}
          rows={3}
          maxLength={1000}
          aria-required="true"
        />
      </div>
    </ConfirmDialog>
  );
}
