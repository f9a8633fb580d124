// The record card: tier, churn risk and why, lifecycle, the playbook as a checklist, the next action,
// and two buttons. Layout only: what to show comes from ui/card-view-model.ts (core's labels and
// playbooks), data from useTierwise, words from ui/words.
import React, { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DescriptionList, DescriptionListItem, Divider, EmptyState, ErrorState, Flex, Heading, Link, List, LoadingSpinner, ProgressBar, Tag, Text } from '@hubspot/ui-extensions';
import type { CrmContext } from '@hubspot/ui-extensions';
import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import type { CardAnswer } from '../../../../ui/api-schema.ts';
import { CARD_PROPERTIES, cardView, hasScores, type CardView } from '../../../../ui/card-view-model.ts';
import { recordRefOf } from '../../../../ui/crm-record.ts';
import { languageOf } from '../../../../ui/language.ts';
import { asTierwiseError, TierwiseError, waitForRun } from '../../../../ui/tierwise-client.ts';
import { useTierwise } from '../../../../ui/useTierwise.ts';
import { WORDS } from '../../../../ui/words/index.ts';

export interface RecordCardProps {
  context: CrmContext;
  actions: { refreshObjectProperties: () => void };
}

type Notice = { variant: 'success' | 'danger' | 'info'; text: string } | null;

function Checklist({ title, summary, steps, testId }: { title: string; summary?: string; steps: string[]; testId: string }) {
  const [done, setDone] = useState<boolean[]>(steps.map(() => false));
  return (
    <Flex direction="column" gap="xs">
      <Heading>{title}</Heading>
      {summary === undefined ? null : <Text>{summary}</Text>}
      {steps.map((step, i) => (
        <Checkbox key={step} testId={`${testId}-${i}`} name={`${testId}-${i}`} checked={done[i] ?? false} onChange={(checked: boolean) => setDone(done.map((d, j) => (j === i ? checked : d)))}>
          {step}
        </Checkbox>
      ))}
    </Flex>
  );
}

function Scores({ view, words }: { view: CardView; words: (typeof WORDS)['en']['card'] }) {
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="xs" wrap="wrap">
        {view.tier === null ? null : <Tag testId="tier" variant={view.tier.variant}>{view.tier.text}</Tag>}
        {view.segment === null ? null : <Tag testId="segment" variant="default">{view.segment}</Tag>}
      </Flex>
      {view.risk === null ? null : <ProgressBar testId="risk" title={words.churnRisk} value={view.risk.value} maxValue={100} valueDescription={view.risk.text} variant={view.risk.variant} />}
      {view.drivers.length === 0 ? null : (
        <Flex direction="column" gap="xs">
          <Text format={{ fontWeight: 'demibold' }}>{words.why}</Text>
          <List testId="drivers" variant="unordered">
            {view.drivers.map((d) => (
              <Text key={d}>{d}</Text>
            ))}
          </List>
        </Flex>
      )}
      <DescriptionList direction="row">
        <DescriptionListItem label={words.lifecycle}>
          <Text testId="lifecycle">{view.lifecycle ?? '—'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={words.lastScored}>
          <Text testId="last-scored">{view.lastScored}</Text>
        </DescriptionListItem>
      </DescriptionList>
    </Flex>
  );
}

export function RecordCard({ context, actions }: RecordCardProps) {
  const language = languageOf(context.user);
  const words = WORDS[language].card;
  const client = useTierwise(context.variables);
  const record = recordRefOf(context.crm);
  const crm = useCrmProperties([...CARD_PROPERTIES]);
  const [answer, setAnswer] = useState<CardAnswer | null>(null);
  const [failure, setFailure] = useState<TierwiseError | null>(null);
  const [busy, setBusy] = useState<'task' | 'rescore' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    if (record === null) return;
    setFailure(null);
    try {
      setAnswer(await client.card({ ...record, language }));
    } catch (error) {
      setFailure(asTierwiseError(error));
    }
  }, [client, record?.object, record?.id, language]);

  useEffect(() => {
    void load();
  }, [load]);

  if (record === null) return <ErrorState title={words.errorTitle}><Text>{`${context.crm.objectTypeId}`}</Text></ErrorState>;

  const createTask = async () => {
    setBusy('task');
    setNotice(null);
    try {
      const task = await client.createTask({ ...record, language });
      setNotice({ variant: 'success', text: task.ownerId === null ? words.taskCreatedNoOwner(task.due) : words.taskCreated(task.due) });
    } catch (error) {
      setNotice({ variant: 'danger', text: asTierwiseError(error).message });
    } finally {
      setBusy(null);
    }
  };

  const rescore = async () => {
    setBusy('rescore');
    setNotice({ variant: 'info', text: words.rescoring });
    try {
      const { runId } = await client.rescore(record);
      const run = await waitForRun(client, runId, () => undefined);
      if (run.state === 'failed') throw new TierwiseError('run_failed', run.error ?? '');
      actions.refreshObjectProperties();
      await load();
      setNotice({ variant: 'success', text: words.rescored });
    } catch (error) {
      setNotice({ variant: 'danger', text: words.rescoreFailed(asTierwiseError(error).message) });
    } finally {
      setBusy(null);
    }
  };

  const noticeBox = notice === null ? null : <Alert testId="notice" title={notice.text} variant={notice.variant} />;
  const rescoreButton = (
    <Button testId="rescore" variant="secondary" disabled={busy !== null} onClick={() => void rescore()}>
      {busy === 'rescore' ? words.rescoring : words.rescore}
    </Button>
  );

  if (failure?.disconnected) {
    return (
      <ErrorState testId="disconnected" type="lock" title={words.disconnectedTitle}>
        <Text>{words.disconnected}</Text>
        <Link href={client.installUrl}>{words.reinstall}</Link>
      </ErrorState>
    );
  }
  if (failure !== null) {
    return (
      <ErrorState testId="error" title={words.errorTitle}>
        <Text>{failure.message}</Text>
        <Button testId="retry" onClick={() => void load()}>
          {words.retry}
        </Button>
      </ErrorState>
    );
  }

  const firstPaint = !crm.isLoading && crm.error === null && hasScores(crm.properties);
  if (answer === null && !firstPaint) return <LoadingSpinner testId="loading" label={words.loading} showLabel layout="centered" />;

  const view = cardView({ properties: crm.properties, answer, language, timeZone: context.portal.timezone });
  if (view.notScored !== null) {
    return (
      <EmptyState testId="not-scored" title={words.notScoredTitle} layout="vertical" imageName="target">
        <Text>{view.notScored.why}</Text>
        {view.notScored.problems.length === 0 ? null : (
          <List testId="problems" variant="unordered">
            {view.notScored.problems.map((p) => (
              <Text key={p}>{p}</Text>
            ))}
          </List>
        )}
        <Text>{view.notScored.todo}</Text>
        {answer?.state === 'not-scored' && answer.why === 'no-run-yet' ? null : rescoreButton}
        {noticeBox}
      </EmptyState>
    );
  }

  return (
    <Flex direction="column" gap="sm">
      <Scores view={view} words={words} />
      {view.playbook === null ? null : <Checklist testId="playbook" title={view.playbook.title} summary={view.playbook.summary} steps={view.playbook.steps} />}
      {view.retention === null ? null : <Checklist testId="retention" title={view.retention.title} steps={view.retention.steps} />}
      <Divider />
      {view.nextAction === null ? null : (
        <DescriptionList direction="column">
          <DescriptionListItem label={words.nextAction}>
            <Text testId="next-action">{view.nextAction}</Text>
          </DescriptionListItem>
          {view.followUpBy === null ? null : (
            <DescriptionListItem label={words.followUpBy}>
              <Text testId="follow-up-by">{view.followUpBy}</Text>
            </DescriptionListItem>
          )}
        </DescriptionList>
      )}
      {view.purchase === null ? null : (
        <DescriptionList testId="purchase" direction="row">
          {view.purchase.map((row) => (
            <DescriptionListItem key={row.label} label={row.label}>
              <Text>{row.value}</Text>
            </DescriptionListItem>
          ))}
        </DescriptionList>
      )}
      <Flex direction="row" gap="xs" wrap="wrap">
        <Button testId="create-task" variant="primary" disabled={busy !== null || answer?.state !== 'scored'} onClick={() => void createTask()}>
          {words.createTask}
        </Button>
        {rescoreButton}
      </Flex>
      {answer === null ? <LoadingSpinner testId="refreshing" label={words.loading} size="xs" /> : null}
      {noticeBox}
    </Flex>
  );
}
