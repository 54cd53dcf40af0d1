import { ConfidenceView } from './views/confidence/ConfidenceView.tsx';
import { ConsoleView } from './views/console/ConsoleView.tsx';
import { NotesView } from './views/notes/NotesView.tsx';
import { ProjectorView } from './views/projector/ProjectorView.tsx';

/** Each screen is a route of the same app; the server answers every one with index.html. */
const ROUTES: Record<string, () => React.JSX.Element> = {
  '/': ConsoleView,
  '/projector': ProjectorView,
  '/confidence': ConfidenceView,
  '/notes': NotesView,
};

export function Router() {
  const View = ROUTES[window.location.pathname.replace(/\/+$/, '') || '/'] ?? ConsoleView;
  return <View />;
}
