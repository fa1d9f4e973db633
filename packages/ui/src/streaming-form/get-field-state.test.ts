import { describe, expect, it } from 'vitest';
import { getFieldState } from './get-field-state.ts';

const value = { title: 'Lisbon', days: [{ title: 'Alf' }], travelers: null };

describe('getFieldState', () => {
  it('is pending while the field has no value yet', () => {
    expect(getFieldState(['notes'], { value, status: 'streaming', activePath: ['days', 0, 'title'] })).toBe('pending');
    expect(getFieldState(['title'], { value: undefined, status: 'submitted' })).toBe('pending');
  });

  it('is writing for the field at the active path', () => {
    expect(getFieldState(['days', 0, 'title'], { value, status: 'streaming', activePath: ['days', 0, 'title'] })).toBe('writing');
  });

  it('is writing before a number being written shows, since the active path counts from its first digit', () => {
    expect(getFieldState(['budget'], { value, status: 'streaming', activePath: ['budget'] })).toBe('writing');
  });

  it('is writing for the groups and rows that contain the active path', () => {
    const input = { value, status: 'streaming', activePath: ['days', 0, 'title'] } as const;
    expect(getFieldState(['days'], input)).toBe('writing');
    expect(getFieldState(['days', 0], input)).toBe('writing');
    expect(getFieldState(['days', 1], input)).toBe('pending');
  });

  it('matches array indices given as strings, as in a dot path', () => {
    expect(getFieldState(['days', 0, 'title'], { value, status: 'streaming', activePath: ['days', '0', 'title'] })).toBe('writing');
  });

  it('is complete when the value is present and not being written', () => {
    expect(getFieldState(['title'], { value, status: 'streaming', activePath: ['days', 0, 'title'] })).toBe('complete');
  });

  it('counts a streamed null as arrived', () => {
    expect(getFieldState(['travelers'], { value, status: 'streaming', activePath: ['days'] })).toBe('complete');
  });

  it('asks isComplete when given, so a value the parser has not closed is still writing', () => {
    const isComplete = (path: readonly (string | number)[]) => path.join('.') !== 'title';
    expect(getFieldState(['title'], { value, status: 'streaming', isComplete })).toBe('writing');
    expect(getFieldState(['days'], { value, status: 'streaming', isComplete })).toBe('complete');
  });

  it('is editable once the stream is ready or failed, whatever arrived', () => {
    for (const status of ['ready', 'error'] as const) {
      expect(getFieldState(['title'], { value, status, activePath: ['title'] })).toBe('editable');
      expect(getFieldState(['notes'], { value, status })).toBe('editable');
    }
  });

  it('does not treat inherited properties as values the model wrote', () => {
    expect(getFieldState(['constructor'], { value: {}, status: 'streaming' })).toBe('pending');
  });
});
