import { ConfidenceView } from './views/confidence/ConfidenceView.tsx';
import { ConsoleView } from './views/console/ConsoleView.tsx';
import { DoorView } from './views/door/DoorView.tsx';
import { JoinView } from './views/join/JoinView.tsx';
import { pageForGuest } from './views/join/rolePages.ts';
import { NotesView } from './views/notes/NotesView.tsx';
import { guestRole, sessionToken } from './api/session.ts';
import { ProjectorView } from './views/projector/ProjectorView.tsx';
import { isScreenPath, type ScreenPath } from './screenPaths.ts';

/** Each screen is a route of the same app; the server answers every one with index.html. */
const ROUTES: Record<ScreenPath, () => React.JSX.Element> = {
  '/': ConsoleView,
  '/projector': ProjectorView,
  '/confidence': ConfidenceView,
  '/notes': NotesView,
  '/door': DoorView,
};

export function Router() {
  // A device that came in over the network without a token first joins with the access code.
  if (!sessionToken()) return <JoinView />;
  let path = window.location.pathname.replace(/\/+$/, '') || '/';
  const role = guestRole();
  if (role && pageForGuest(role, path) !== path) {
    path = pageForGuest(role, path);
    window.history.replaceState(window.history.state, '', path + window.location.search);
  }
  const View = isScreenPath(path) ? ROUTES[path] : ConsoleView;
  return <View />;
}
