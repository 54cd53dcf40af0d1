import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../forge.config.ts';

describe('the packaged app', () => {
  it('turns off running as Node, NODE_OPTIONS and the inspector, and checks its asar', () => {
    const fuses = (config.plugins ?? []).find((p) => p.name === 'fuses') as unknown as
      { fusesConfig: Record<number, unknown> } | undefined;
    expect(fuses?.fusesConfig).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});
