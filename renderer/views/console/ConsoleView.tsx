import { useState } from 'react';
import type { MeetingFieldsInput } from '../../../electron/api/meeting.ts';
import { call } from '../../api/client.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { openScreen } from '../../platform.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { callErrorMessage } from './fieldErrors.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { MeetingList } from './MeetingList.tsx';
import { useConsoleData } from './useConsoleData.ts';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const blankMeeting = (): MeetingFieldsInput => ({
  title: '',
  date: today(),
  startTime: '09:00',
  venue: '',
  presider: '',
  recorder: '',
  attendees: [],
  nonVotingAttendees: [],
  absentees: [],
  archived: false,
  warningSeconds: 60,
  dangerSeconds: 0,
  chime: false,
});

/** The organizer's screen: meetings on the left, the chosen meeting and its agenda on the right. */
export function ConsoleView() {
  const { t } = useI18n();
  const data = useConsoleData();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  const fail = (error: unknown) => setNotice({ kind: 'error', text: callErrorMessage(t, error) });

  async function create(fields: MeetingFieldsInput) {
    try {
      const created = await call('meetings.create', fields);
      data.setSelected(created);
      data.select(created.meeting.id);
      setCreating(false);
      setNotice(null);
    } catch (error) {
      fail(error);
    }
  }

  async function loadSample() {
    try {
      const sample = await call('meetings.createSample');
      data.setSelected(sample);
      data.select(sample.meeting.id);
      setCreating(false);
      setNotice(null);
    } catch (error) {
      fail(error);
    }
  }

  async function save(fields: MeetingFieldsInput) {
    if (!data.selected) return;
    try {
      const saved = await call('meetings.update', { id: data.selected.meeting.id, ...fields });
      data.setSelected(saved);
      setNotice({ kind: 'ok', text: t('meeting.saved') });
    } catch (error) {
      fail(error);
    }
  }

  async function duplicate() {
    const meeting = data.selected?.meeting;
    if (!meeting) return;
    try {
      const copy = await call('meetings.duplicate', {
        id: meeting.id,
        title: t('meeting.copyTitle', { title: meeting.title }),
      });
      data.setSelected(copy);
      data.select(copy.meeting.id);
      setNotice({ kind: 'ok', text: t('meeting.duplicated') });
    } catch (error) {
      fail(error);
    }
  }

  async function remove() {
    const meeting = data.selected?.meeting;
    if (!meeting || !window.confirm(t('meeting.deleteConfirm', { title: meeting.title }))) return;
    try {
      await call('meetings.delete', { id: meeting.id });
      data.select(null);
    } catch (error) {
      fail(error);
    }
  }

  const selected = data.selected;
  return (
    <div className="console">
      <AppHeader>
        {selected && (
          <button
            type="button"
            onClick={() =>
              openScreen(`/projector?meeting=${encodeURIComponent(selected.meeting.id)}`)
            }
          >
            {t('meeting.openProjector')}
          </button>
        )}
      </AppHeader>
      <div className="console-body">
        <MeetingList
          meetings={data.meetings}
          selectedId={creating ? null : data.selectedId}
          onSelect={(id) => {
            setCreating(false);
            setNotice(null);
            data.select(id);
          }}
          onNew={() => {
            setCreating(true);
            setNotice(null);
          }}
          onSample={() => void loadSample()}
        />
        <main className="console-main">
          {notice && (
            <p
              className={`notice notice-${notice.kind}`}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              {notice.text}
            </p>
          )}
          {data.loadError !== null && (
            <p className="notice notice-error">{callErrorMessage(t, data.loadError)}</p>
          )}
          {creating ? (
            <section aria-labelledby="new-meeting-heading">
              <h2 id="new-meeting-heading">{t('meeting.newHeading')}</h2>
              <MeetingForm
                initial={blankMeeting()}
                submitLabel="meeting.create"
                formLabel={t('meeting.newHeading')}
                onSubmit={create}
                onCancel={() => setCreating(false)}
              />
            </section>
          ) : selected ? (
            <>
              <section aria-labelledby="details-heading">
                <header className="section-header">
                  <h2 id="details-heading">{t('meeting.details')}</h2>
                  <span className="header-buttons">
                    <button type="button" onClick={() => void duplicate()}>
                      {t('meeting.duplicate')}
                    </button>
                    <button type="button" className="danger" onClick={() => void remove()}>
                      {t('meeting.delete')}
                    </button>
                  </span>
                </header>
                <MeetingForm
                  key={selected.meeting.id}
                  initial={selected.meeting}
                  submitLabel="meeting.save"
                  formLabel={t('meeting.details')}
                  onSubmit={save}
                />
              </section>
              <AgendaEditor
                meeting={selected.meeting}
                items={selected.items}
                onItems={(items) => data.setSelected((s) => (s ? { ...s, items } : s))}
                onError={fail}
              />
            </>
          ) : (
            <p className="empty">{t('meeting.none')}</p>
          )}
        </main>
      </div>
    </div>
  );
}
