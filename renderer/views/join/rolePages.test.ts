import { describe, expect, it } from 'vitest';
import { pageForGuest, roleSuggestedBy } from './rolePages.ts';

describe('role pages', () => {
  it('suggests the role of the screen a device opened, note-taking otherwise', () => {
    expect(roleSuggestedBy('/projector')).toBe('projector');
    expect(roleSuggestedBy('/confidence/')).toBe('confidence');
    expect(roleSuggestedBy('/notes')).toBe('notetaker');
    expect(roleSuggestedBy('/')).toBe('notetaker');
    expect(roleSuggestedBy('/door')).toBe('door');
  });

  it('never shows a device the console, nor a showing-only device the note screen', () => {
    expect(pageForGuest('notetaker', '/')).toBe('/notes');
    expect(pageForGuest('notetaker', '/projector')).toBe('/projector');
    expect(pageForGuest('projector', '/')).toBe('/projector');
    expect(pageForGuest('projector', '/notes')).toBe('/projector');
    expect(pageForGuest('confidence', '/notes')).toBe('/confidence');
    expect(pageForGuest('confidence', '/projector')).toBe('/projector');
    expect(pageForGuest('projector', '/archive')).toBe('/projector');
  });

  it('keeps a door device on its sign-in screen: every other screen would answer 403', () => {
    for (const path of ['/', '/projector', '/confidence', '/notes', '/archive']) {
      expect(pageForGuest('door', path)).toBe('/door');
    }
    expect(pageForGuest('door', '/door')).toBe('/door');
    expect(pageForGuest('notetaker', '/door')).toBe('/notes');
    expect(pageForGuest('projector', '/door')).toBe('/projector');
  });
});
