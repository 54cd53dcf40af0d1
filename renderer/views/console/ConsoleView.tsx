import { useCallback, useState, type ReactNode } from 'react';
import { emptyMeetingFields, type MeetingFieldsInput } from '../../../electron/api/meeting.ts';
import { call } from '../../api/client.ts';
import type { HeldMeeting } from '../../api/heldMeeting.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { openScreen } from '../../platform.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { callErrorMessage, callErrorPhrase } from './fieldErrors.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { MeetingList } from './MeetingList.tsx';
import { NoteSearch } from '../../components/NoteSearch.tsx';
import { CONSOLE_PANELS, type ConsolePanel } from './consolePanels.ts';
import { CurrentNotes } from './CurrentNotes.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ImportButton } from './ImportButton.tsx';
import { NewsBriefPanel } from './NewsBriefPanel.tsx';
import { NoticePanel } from './NoticePanel.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { RunPanel } from './RunPanel.tsx';
import { SeatingPanel } from './SeatingPanel.tsx';
import { SharingPanel } from './SharingPanel.tsx';
import { StageControl } from './StageControl.tsx';
import { StagePreviews } from './StagePreviews.tsx';
import { TimingChartPanel } from './TimingChartPanel.tsx';
import { useConsoleData } from './useConsoleData.ts';
import { useRunCommands } from './useRunCommands.ts';
import { useRun } from '../../api/useRun.ts';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const blankMeeting = (): MeetingFieldsInput => ({ ...emptyMeetingFields, date: today() });

/** The organizer's screen: meetings on the left, the chosen meeting and its agenda on the right. */
export function ConsoleView() {
  const { t } = useI18n();
  const data = useConsoleData();
  const [creating, setCreating] = useState(false);
  // Kept as a phrase, not words: a language switch rewords it.
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; phrase: Phrase } | null>(null);

  const fail = useCallback(
    (error: unknown) => setNotice({ kind: 'error', phrase: callErrorPhrase(error) }),
    [],
  );
  const run = useRun(data.selected?.meeting.id ?? null);
  const commands = useRunCommands(
    data.selected?.meeting.id ?? '',
    run,
    data.selected?.items ?? [],
    fail,
  );

  async function setChime(chime: boolean) {
    if (!data.selected) return;
    try {
      data.showMeeting(await call('meetings.update', { id: data.selected.meeting.id, chime }));
    } catch (error) {
      fail(error);
    }
  }

  async function create(fields: MeetingFieldsInput) {
    try {
      const created = await call('meetings.create', fields);
      data.showMeeting(created);
      data.select(created.meeting.id);
      setCreating(false);
      setNotice(null);
    } catch (error) {
      fail(error);
    }
  }

  async function loadSample() {
    // Closed at the click, not on arrival: a form the organizer opens meanwhile stays open.
    setCreating(false);
    try {
      const sample = await call('meetings.createSample', { date: today() });
      data.showMeeting(sample);
      data.select(sample.meeting.id);
      setNotice(null);
    } catch (error) {
      fail(error);
    }
  }

  async function save(fields: MeetingFieldsInput) {
    if (!data.selected) return;
    try {
      const saved = await call('meetings.update', { id: data.selected.meeting.id, ...fields });
      data.showMeeting(saved);
      setNotice({ kind: 'ok', phrase: phrase('meeting.saved') });
    } catch (error) {
      fail(error);
    }
  }

  async function duplicate() {
    const meeting = data.selected?.meeting;
    if (!meeting) return;
    try {
      // The server titles the copy, numbered past the copies already there.
      const copy = await call('meetings.duplicate', { id: meeting.id });
      data.showMeeting(copy);
      data.select(copy.meeting.id);
      setNotice({ kind: 'ok', phrase: phrase('meeting.duplicated') });
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

  /** What each of the console's panels shows for the chosen meeting. */
  function panelsOf(selected: HeldMeeting): Record<ConsolePanel, ReactNode> {
    return {
      run: (
        <RunPanel
          meeting={selected.meeting}
          items={selected.items}
          run={run}
          commands={commands}
          onChime={(on) => void setChime(on)}
        />
      ),
      stagePreviews: <StagePreviews meetingId={selected.meeting.id} />,
      notesAndSearch: (
        <div className="console-columns">
          <CurrentNotes meetingId={selected.meeting.id} itemId={run?.currentItemId ?? null} />
          <section aria-label={t('search.heading')}>
            <h3>{t('search.heading')}</h3>
            <NoteSearch
              meetingId={selected.meeting.id}
              onOpen={(r) =>
                openScreen(
                  `/notes?meeting=${encodeURIComponent(r.meetingId)}&item=${encodeURIComponent(r.itemId)}`,
                )
              }
              onOpenPerson={(hit) => data.select(hit.meetingId)}
            />
          </section>
        </div>
      ),
      timingChart: <TimingChartPanel meeting={selected.meeting} items={selected.items} run={run} />,
      agenda: (
        <AgendaEditor
          meeting={selected.meeting}
          items={selected.items}
          run={run}
          onGoto={commands.goto}
          onAgenda={data.showAgenda}
          onItemsShown={data.showItems}
          onError={fail}
        />
      ),
      participants: <ParticipantsPanel meeting={selected.meeting} onError={fail} />,
      seating: <SeatingPanel meeting={selected.meeting} onError={fail} />,
      notice: <NoticePanel meeting={selected.meeting} onError={fail} />,
      newsBrief: <NewsBriefPanel meeting={selected.meeting} onError={fail} />,
      details: (
        <section className="meeting-details" aria-labelledby="details-heading">
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
      ),
    };
  }

  const selected = data.selected;
  const panels = selected ? panelsOf(selected) : null;
  return (
    <div className="console">
      <AppHeader>
        {selected && (
          <>
            <StageControl meetingId={selected.meeting.id} onError={fail} />
            <ExportMenu meetingId={selected.meeting.id} />
          </>
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
          footer={
            <>
              <ImportButton
                onImported={(imported) => {
                  data.showMeeting(imported);
                  data.select(imported.meeting.id);
                  setNotice({
                    kind: 'ok',
                    phrase: phrase('import.done', { title: imported.meeting.title }),
                  });
                }}
                onError={(said) => setNotice({ kind: 'error', phrase: said })}
              />
              <SharingPanel onError={fail} />
            </>
          }
        />
        <main className="console-main">
          {notice && (
            <p
              className={`notice notice-${notice.kind}`}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              {say(t, notice.phrase)}
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
          ) : panels ? (
            CONSOLE_PANELS.map((id) => (
              <div key={id} className="console-panel" data-console-panel={id}>
                {panels[id]}
              </div>
            ))
          ) : (
            <p className="empty">{t('meeting.none')}</p>
          )}
        </main>
      </div>
    </div>
  );
}
