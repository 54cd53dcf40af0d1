import { detail } from '../api/error-reasons.ts';
import type { SharingState } from '../api/sharing.ts';
import type { ServiceContext } from './context.ts';
import { notFound, ServiceError } from './errors.ts';

export const sharingHandlers = (ctx: ServiceContext) => ({
  'sharing.revoke': (input: { deviceId: string }): SharingState => {
    if (!ctx.sharing.revoke(input.deviceId)) throw notFound('device', input.deviceId);
    return ctx.sharing.state();
  },
  'sharing.allow': (input: { deviceId: string }): SharingState => {
    if (!ctx.sharing.allow(input.deviceId)) throw notFound('removed device', input.deviceId);
    return ctx.sharing.state();
  },
  'sharing.get': (_input: unknown): SharingState => ctx.sharing.state(),
  'sharing.set': async (input: { enabled: boolean }): Promise<SharingState> => {
    try {
      return input.enabled ? await ctx.sharing.enable() : await ctx.sharing.disable();
    } catch (error) {
      throw new ServiceError(
        'conflict',
        `sharing could not start: ${(error as Error).message}`,
        undefined,
        detail('sharing.couldNotStart'),
      );
    }
  },
});
