import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { MyReport, Report } from '../types';
import { fromInputText, toInputText } from './reportValues';

export const myReportKey = (planId: string, deadline: number) => ['reports', 'mine', planId, deadline];

/** Why the server refused a save for good (the round closed, the plan stopped collecting): shown as a notice. */
const FINAL_REFUSALS = ['ROUND_CLOSED', 'NOT_COLLECTING'];

/**
 * The report being filled in: typed texts per indicator and the note, saved as a draft or
 * submitted. Field errors (400 `values.<code>`) go under their inputs; a colleague's save in the
 * meantime (409 STALE_VERSION) and a closed round are kept for the page to explain.
 */
export function useReportEditor(planId: string, mine: MyReport) {
  const methods = useKehoachDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const indicators = mine.form?.indicators ?? [];
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(indicators.map(({ code }) => [code, toInputText(mine.report?.values[code])])),
  );
  const [note, setNote] = useState(mine.report?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const key = myReportKey(planId, mine.deadline);
  const { mutate, isPending } = useMutation({
    mutationFn: (submit: boolean) =>
      methods.saveMyReport(planId, mine.deadline, {
        values: Object.fromEntries(indicators.map((indicator) => [indicator.code, fromInputText(indicator, texts[indicator.code] ?? '')])),
        note,
        submit,
        version: mine.report?.version,
      }),
    onSuccess: (report: Report, submit) => {
      setErrors({});
      const message = !submit ? 'saved_draft' : mine.report?.state === 'submitted' ? 'corrected' : 'submitted';
      notify(`kehoach.reports.form.${message}`, { type: 'success' });
      queryClient.setQueryData<MyReport>(key, { ...mine, report });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (error: HttpError) => {
      const { status, body } = error;
      if (status === 400 && body?.errors) {
        setErrors(fieldErrors(body.errors));
        notify('kehoach.reports.form.fix_errors', { type: 'error' });
      } else if (status === 409 && body?.code === 'STALE_VERSION') {
        setStaleMessage(error.message);
      } else if (status === 409 && FINAL_REFUSALS.includes(body?.code)) {
        setRefusal(error.message);
        void queryClient.invalidateQueries({ queryKey: key });
      } else {
        notify(error.message || 'ra.notification.http_error', { type: 'error' });
      }
    },
  });

  return {
    indicators,
    texts,
    setText: (code: string, text: string) => setTexts((current) => ({ ...current, [code]: text })),
    note,
    setNote,
    errors,
    save: (submit: boolean) => mutate(submit),
    isSaving: isPending,
    staleMessage,
    closeStale: () => setStaleMessage(null),
    /** Loads the colleague's version; the page then starts over from it. */
    reload: () => {
      setStaleMessage(null);
      void queryClient.invalidateQueries({ queryKey: key });
    },
    refusal,
  };
}

/** `{"values.1": "…", "note": "…"}` → by indicator code, the rest under "". */
function fieldErrors(errors: Record<string, string>): Record<string, string> {
  const byCode: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const code = field.startsWith('values.') ? field.slice('values.'.length) : '';
    byCode[code] = byCode[code] ? `${byCode[code]}; ${message}` : message;
  }
  return byCode;
}
