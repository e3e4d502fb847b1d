import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { ballotHref } from '../../app/router/views.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useReminders } from './useReminders.ts';

/**
 * In-app notifications of the signed-in member: reminders from the secretariat to answer a
 * written-opinion ballot, each with the ballot's question and deadline and a link to the ballot
 * task. Dismissing one hides it on this device only. A polite live region: a reminder arriving
 * by sync is announced without taking focus.
 */
export function NotificationsArea() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useReminders();
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const reminders = query.value?.reminders ?? [];

  const dismiss = async (id: string): Promise<void> => {
    const result = await invoke('reminders:dismiss', { id });
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setError(null);
    query.update(() => result.value);
  };

  return (
    <section
      className="notifications"
      aria-label={t('notifications.label')}
      aria-live="polite"
      data-testid="notifications"
    >
      {reminders.map((r) => (
        <article key={r.id} className="notification" data-testid="notification">
          <p className="notification__title">{t('notifications.reminder.title')}</p>
          <p className="notification__text">
            <a href={ballotHref(r.ballotId)} data-testid="notification-link">
              {r.question}
            </a>
          </p>
          <p className="notification__deadline muted">
            {t('notifications.reminder.deadline', {
              deadline: formatDateTime(Date.parse(r.deadline), language),
            })}
          </p>
          <button
            type="button"
            className="button button--small"
            data-testid="notification-dismiss"
            aria-label={t('notifications.dismissLabel', { question: r.question })}
            onClick={() => void dismiss(r.id)}
          >
            {t('notifications.dismiss')}
          </button>
        </article>
      ))}
      {error !== null ? (
        <p className="field__error" role="alert">
          {t(`errors.${error}`)}
        </p>
      ) : null}
    </section>
  );
}
