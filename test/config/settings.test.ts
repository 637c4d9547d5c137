import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/settings.js';
import { ALL_WON, BUILT_IN } from '../../src/normalize/vocabulary.js';
import { thrownMessage } from '../helpers/said.js';

describe('resolveSettings: vocabulary lists', () => {
  const loaded = {
    file: 'folio.config.json',
    config: { statuses: { won: ['Отгружено'] }, personalChannels: ['выезд на объект'] },
  };
  const env = { FOLIO_WON: 'Resolved, Closed paid', FOLIO_OTHER_CHANNELS: 'Outbound' };
  const flag = (attr: string): unknown => (attr === 'won' ? ['Shipped late'] : undefined);
  const by = Object.fromEntries(resolveSettings(loaded, env, flag).map((r) => [r.path, r]));

  it('adds every layer to the built-in entries, in precedence order, and names the last layer', () => {
    expect(by['statuses.won']?.layers).toEqual([
      // The built-in layer lists every won phrase: the words, then the order states, partial payments and stages.
      { source: 'default', value: ALL_WON },
      { source: 'config', value: ['Отгружено'] },
      { source: 'env', value: ['Resolved', 'Closed paid'] },
      { source: 'flag', value: ['Shipped late'] },
    ]);
    expect(by['statuses.won']?.value).toEqual([...ALL_WON, 'Отгружено', 'Resolved', 'Closed paid', 'Shipped late']);
    expect(by['statuses.won']?.source).toBe('flag');
  });

  it('a list nobody added to is the built-in one, from the default layer', () => {
    expect(by['outcomes.neutral']).toEqual({
      path: 'outcomes.neutral',
      value: [...BUILT_IN.neutral],
      source: 'default',
      layers: [{ source: 'default', value: BUILT_IN.neutral }],
    });
  });

  it('personal and other channels add up like the rest (the config file no longer replaces the built-in channels)', () => {
    expect(by['personalChannels']?.value).toEqual([...BUILT_IN.personalChannels, 'выезд на объект']);
    expect(by['otherChannels']).toMatchObject({ source: 'env', value: [...BUILT_IN.otherChannels, 'Outbound'] });
  });

  it('other settings still replace: a threshold has no layers', () => {
    expect(by['thresholds.maxGap']).toEqual({ path: 'thresholds.maxGap', value: 10, source: 'default' });
  });
});

describe('resolveSettings: the funnel', () => {
  it('--confidence comes from the config file, then FOLIO_CONFIDENCE; a value outside 0..1 is refused', () => {
    const loaded = {
      file: 'folio.config.json',
      config: { thresholds: { confidence: 0.8 }, phoneChannels: ['консультац'] },
    };
    const by = (env: Record<string, string>) =>
      Object.fromEntries(resolveSettings(loaded, env).map((r) => [r.path, r]));
    expect(by({})['thresholds.confidence']).toEqual({ path: 'thresholds.confidence', value: 0.8, source: 'config' });
    expect(by({ FOLIO_CONFIDENCE: '0,95' })['thresholds.confidence']).toMatchObject({ value: 0.95, source: 'env' });
    expect(thrownMessage(() => by({ FOLIO_CONFIDENCE: '90' }))).toMatch(
      /FOLIO_CONFIDENCE="90" is not a number above 0 and below 1/,
    );
    expect(by({ FOLIO_MEETING_CHANNELS: 'open house' })['meetingChannels']?.value).toEqual([
      ...BUILT_IN.meetingChannels,
      'open house',
    ]);
    expect(by({})['phoneChannels']?.value).toEqual([...BUILT_IN.phoneChannels, 'консультац']);
  });
});
