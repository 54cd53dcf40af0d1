import { describe, expect, it } from 'vitest';
import { pageForGuest, roleSuggestedBy } from './rolePages.ts';

describe('role pages', () => {
  it('suggests the role of the screen a device opened, note-taking otherwise', () => {
    expect(roleSuggestedBy('/projector')).toBe('projector');
    expect(roleSuggestedBy('/confidence/')).toBe('confidence');
    expect(roleSuggestedBy('/notes')).toBe('notetaker');
    expect(roleSuggestedBy('/')).toBe('notetaker');
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
});
