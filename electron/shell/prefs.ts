import Store from 'electron-store';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Prefs {
  consoleBounds: Bounds | null;
  lastMeetingId: string | null;
}

/** What the desktop app remembers between launches (the meetings live in SQLite, not here). */
export function openPrefs(cwd: string) {
  const store = new Store<Prefs>({
    cwd,
    name: 'preferences',
    defaults: { consoleBounds: null, lastMeetingId: null },
    schema: {
      consoleBounds: {
        type: ['object', 'null'],
        properties: {
          x: { type: 'number' },
          y: { type: 'number' },
          width: { type: 'number', minimum: 400 },
          height: { type: 'number', minimum: 300 },
        },
      },
      lastMeetingId: { type: ['string', 'null'], maxLength: 100 },
    },
    clearInvalidConfig: true,
  });
  return {
    consoleBounds: () => store.get('consoleBounds'),
    saveConsoleBounds: (bounds: Bounds) => store.set('consoleBounds', bounds),
    lastMeetingId: () => store.get('lastMeetingId'),
    rememberMeeting: (id: string) => store.set('lastMeetingId', id),
  };
}
