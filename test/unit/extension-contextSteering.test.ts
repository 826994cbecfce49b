import { describe, expect, it } from 'vitest';
import { EMPTY_STEERING, presetChoices, presetNamed, setIncluded, setPin, withPinCount, type SteeringPreset } from '../../src/chat/contextSteering';
import type { ContextInfo } from '../../src/shared/protocol';

const READY: ContextInfo = {
  status: 'ready',
  scope: { kind: 'workspace' },
  model: 'm',
  fileCount: 3,
  tokens: 120,
  contextWindow: 1000,
  estimatedCost: null,
  files: [],
};

describe('the scope chip\'s pin count', () => {
  it('counts each pinned file and folder, whatever its mode', () => {
    const steering = setPin(setPin(setPin(EMPTY_STEERING, 'src/main.ts', 'full'), 'src/lib', 'outline'), 'docs', 'path-only');
    expect(withPinCount(READY, steering).pinned).toBe(3);
    expect(withPinCount(READY, steering).fileCount).toBe(3);
  });

  it('shows no count when only exclusions are set', () => {
    const steering = setIncluded(EMPTY_STEERING, 'src/lib', false);
    expect(withPinCount(READY, steering)).not.toHaveProperty('pinned');
  });

  it('drops a count left from before once the pins are cleared', () => {
    const pinned = withPinCount(READY, setPin(EMPTY_STEERING, 'src/main.ts', 'full'));
    expect(pinned.pinned).toBe(1);
    const cleared = withPinCount(pinned, setPin(setPin(EMPTY_STEERING, 'src/main.ts', 'full'), 'src/main.ts', null));
    expect(cleared).not.toHaveProperty('pinned');
    expect(cleared).toEqual(READY);
  });

});

describe('choosing a preset', () => {
  const saved = [{ name: 'review', pins: { src: 'outline' as const }, excluded: [] }];
  const shared: SteeringPreset[] = [
    { name: 'review', pins: {}, excluded: ['docs'] },
    { name: 'team', pins: { 'src/main.ts': 'full' as const }, excluded: [] },
  ];

  it('lists this workspace\'s presets, then the shared ones, marked', () => {
    expect(presetChoices(saved, shared).map((c) => [c.preset.name, c.shared])).toEqual([
      ['review', false],
      ['review', true],
      ['team', true],
    ]);
  });

  it('restores a name from this workspace first, then from tome.config.json', () => {
    expect(presetNamed(saved, shared, 'review')).toBe(saved[0]);
    expect(presetNamed(saved, shared, 'team')).toBe(shared[1]);
    expect(presetNamed(saved, shared, 'none')).toBeUndefined();
  });
});
