// The settings page: property mapping, tier rules and thresholds, churn weights and levels, language,
// daily hour, follow-up tasks, "score now" with progress and the last run's report. Layout only: rows,
// options and messages come from ui/settings-view-model.ts, data from useTierwise, words from ui/words.
import React, { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Divider, ErrorState, Flex, Heading, List, LoadingSpinner, NumberInput, ProgressBar, Select, Text, Toggle } from '@hubspot/ui-extensions';
import type { SettingsContext } from '@hubspot/ui-extensions';
import { OBJECTS, type PortalSettings, type RunAnswer, type SettingsAnswer } from '../../../../ui/api-schema.ts';
import { languageOf } from '../../../../ui/language.ts';
import { errorAt, mappingRows, runView, tierRows, validate, weightTotal, withMapping, fieldErrors, type FieldErrors } from '../../../../ui/settings-view-model.ts';
import { asTierwiseError, TierwiseError, waitForRun } from '../../../../ui/tierwise-client.ts';
import { useTierwise } from '../../../../ui/useTierwise.ts';
import { WORDS } from '../../../../ui/words/index.ts';

const CUT_METRICS = ['recencyDays', 'orders', 'spend'] as const;
const FACTORS = ['recency', 'orderTrend', 'spendTrend', 'nps', 'satisfaction', 'contact', 'competitor'] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => ({ label: `${String(h).padStart(2, '0')}:00`, value: h }));

export function TierwiseSettings({ context }: { context: SettingsContext }) {
  const language = languageOf(context.user);
  const words = WORDS[language].settings;
  const client = useTierwise(context.variables);
  const [loaded, setLoaded] = useState<SettingsAnswer | null>(null);
  const [form, setForm] = useState<PortalSettings | null>(null);
  const [failure, setFailure] = useState<TierwiseError | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ variant: 'success' | 'danger'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [run, setRun] = useState<RunAnswer | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      const answer = await client.settings();
      setLoaded(answer);
      // The daily hour is in the account's time zone as HubSpot knows it; saving adopts it.
      setForm({ ...answer.settings, timeZone: context.portal.timezone || answer.settings.timeZone });
      setRun(answer.lastRun);
    } catch (error) {
      setFailure(asTierwiseError(error));
    }
  }, [client, context.portal.timezone]);
  useEffect(() => {
    void load();
  }, [load]);

  if (failure !== null) return <ErrorState testId="error" title={words.errorTitle}><Text>{failure.message}</Text></ErrorState>;
  if (loaded === null || form === null) return <LoadingSpinner testId="loading" label={words.loading} showLabel layout="centered" />;

  const change = (next: PortalSettings) => {
    setForm(next);
    setErrors(validate(next));
    setNotice(null);
  };
  const scoring = form.scoring;
  const fieldError = (path: string, group?: string) => {
    const message = errorAt(errors, path, group);
    return message === undefined ? {} : { error: true, validationMessage: message };
  };

  const save = async () => {
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return setNotice({ variant: 'danger', text: words.fixErrors });
    setSaving(true);
    try {
      setForm(await client.saveSettings(form));
      setNotice({ variant: 'success', text: words.saved });
    } catch (error) {
      const e = asTierwiseError(error);
      setErrors(fieldErrors(e.fields));
      setNotice({ variant: 'danger', text: e.fields.length > 0 ? words.fixErrors : e.message });
    } finally {
      setSaving(false);
    }
  };

  const scoreNow = async () => {
    try {
      const { runId } = await client.rescore({});
      setRun(await waitForRun(client, runId, setRun));
    } catch (error) {
      setNotice({ variant: 'danger', text: asTierwiseError(error).message });
    }
  };
  const shownRun = run === null ? null : runView(run, language);
  const running = run !== null && (run.state === 'queued' || run.state === 'running');

  return (
    <Flex direction="column" gap="md">
      <Heading>{words.mapping}</Heading>
      <Text>{words.mappingHelp}</Text>
      {OBJECTS.map((object) => (
        <Flex key={object} direction="column" gap="xs">
          <Text format={{ fontWeight: 'demibold' }}>{words.objectName[object]}</Text>
          {mappingRows(object, form, loaded.properties, language).map((row) => (
            <Select key={row.path} testId={row.path} name={row.path} label={row.label} value={row.value} options={row.options} onChange={(value) => change(withMapping(form, object, row.field, String(value)))} {...(row.problem === null ? fieldError(row.path) : { error: true, validationMessage: errorAt(errors, row.path) ?? row.problem })} />
          ))}
        </Flex>
      ))}
      <Divider />
      <Heading>{words.tierRules}</Heading>
      {tierRows(form, language).map((row) => (
        <Select key={row.segment} testId={`tier-${row.segment}`} name={`tier-${row.segment}`} label={row.label} value={row.value} options={row.options} onChange={(value) => change({ ...form, scoring: { ...scoring, segmentTiers: { ...scoring.segmentTiers, [row.segment]: value as PortalSettings['scoring']['segmentTiers'][typeof row.segment] } } })} />
      ))}
      <Select testId="rfm-method" name="rfm-method" label={words.rfmMethod} value={scoring.rfm.method} options={(['quantile', 'fixed'] as const).map((m) => ({ label: words.rfmMethodName[m], value: m }))} onChange={(value) => change({ ...form, scoring: { ...scoring, rfm: { ...scoring.rfm, method: value === 'fixed' ? 'fixed' : 'quantile' } } })} />
      {scoring.rfm.method === 'fixed'
        ? CUT_METRICS.map((metric) => (
            <Flex key={metric} direction="row" gap="xs" wrap="wrap">
              {scoring.rfm.fixed[metric].map((cut, i) => (
                <NumberInput key={i} testId={`cut-${metric}-${i}`} name={`cut-${metric}-${i}`} label={`${words.thresholds[metric]} · ${words.cut(i + 1)}`} value={cut} onChange={(value) => change({ ...form, scoring: { ...scoring, rfm: { ...scoring.rfm, fixed: { ...scoring.rfm.fixed, [metric]: scoring.rfm.fixed[metric].map((c, j) => (j === i ? value : c)) } } } })} {...fieldError(`scoring.rfm.fixed.${metric}.${i}`, `scoring.rfm.fixed.${metric}`)} />
              ))}
            </Flex>
          ))
        : null}
      <Divider />
      <Heading>{words.churnWeights}</Heading>
      {FACTORS.map((factor) => (
        <NumberInput key={factor} testId={`weight-${factor}`} name={`weight-${factor}`} label={words.factorName[factor]} value={scoring.churn.weights[factor]} min={0} onChange={(value) => change({ ...form, scoring: { ...scoring, churn: { ...scoring.churn, weights: { ...scoring.churn.weights, [factor]: value } } } })} {...fieldError(`scoring.churn.weights.${factor}`)} />
      ))}
      <Text testId="weight-total">{words.weightTotal(weightTotal(form))}</Text>
      {errorAt(errors, 'scoring.churn.weights') === undefined ? null : <Alert testId="weights-error" variant="danger" title={errorAt(errors, 'scoring.churn.weights') ?? ''} />}
      <NumberInput testId="high-at" name="high-at" label={words.highAt} value={scoring.churn.highAt} min={0} max={100} onChange={(value) => change({ ...form, scoring: { ...scoring, churn: { ...scoring.churn, highAt: value } } })} {...fieldError('scoring.churn.highAt', 'scoring.churn')} />
      <NumberInput testId="medium-at" name="medium-at" label={words.mediumAt} value={scoring.churn.mediumAt} min={0} max={100} onChange={(value) => change({ ...form, scoring: { ...scoring, churn: { ...scoring.churn, mediumAt: value } } })} {...fieldError('scoring.churn.mediumAt')} />
      <Divider />
      <Select testId="language" name="language" label={words.language} value={form.language} options={(['en', 'zh-CN'] as const).map((l) => ({ label: words.languageName[l], value: l }))} onChange={(value) => change({ ...form, language: value === 'zh-CN' ? 'zh-CN' : 'en' })} />
      <Select testId="sync-hour" name="sync-hour" label={words.scheduleHour(form.timeZone)} value={form.syncHour} options={HOURS} onChange={(value) => change({ ...form, syncHour: Number(value) })} {...fieldError('syncHour')} />
      <Toggle testId="follow-up-tasks" name="follow-up-tasks" label={words.followUpTasks} checked={form.followUpTasks} onChange={(checked) => change({ ...form, followUpTasks: checked })} />
      <Text>{words.followUpTasksHelp}</Text>
      <Button testId="save" variant="primary" disabled={saving} onClick={() => void save()}>
        {words.save}
      </Button>
      {notice === null ? null : <Alert testId="notice" variant={notice.variant} title={notice.text} />}
      <Divider />
      <Heading>{words.schedule}</Heading>
      <Button testId="score-now" disabled={running} onClick={() => void scoreNow()}>
        {words.scoreNow}
      </Button>
      {shownRun?.progressText ? <ProgressBar testId="progress" title={shownRun.progressText} value={shownRun.progress ?? 0} maxValue={100} /> : null}
      <Text format={{ fontWeight: 'demibold' }}>{words.lastRun}</Text>
      {shownRun === null ? (
        <Text testId="last-run">{words.noRunYet}</Text>
      ) : (
        <Flex direction="column" gap="xs">
          <Text testId="last-run">{shownRun.report === null ? shownRun.state : `${shownRun.state}: ${shownRun.report}`}</Text>
          {shownRun.error === null ? null : <Text testId="run-error">{shownRun.error}</Text>}
          {shownRun.problems.length === 0 ? null : (
            <List testId="run-problems" variant="unordered">
              {shownRun.problems.map((p) => (
                <Text key={p}>{p}</Text>
              ))}
            </List>
          )}
        </Flex>
      )}
    </Flex>
  );
}
