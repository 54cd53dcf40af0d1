/**
 * A screen embedded as a thumbnail in the organizer's console (?preview=1). It shows exactly what
 * the hall's screen shows, but it is not one: it does not say it is a lectern screen or a
 * projector to the server (a message for the speaker must not count a thumbnail as the lectern),
 * and it makes no sound.
 */
export function isPreviewFrame(): boolean {
  return new URLSearchParams(window.location.search).get('preview') === '1';
}
