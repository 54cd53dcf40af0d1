import type { RemovedDevice, SharingState } from '../../../electron/api/sharing.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { clockTimeOf } from './runText.ts';

/**
 * The devices the organizer removed: they stay out (the server refuses their address) until the
 * organizer lets one back here, say once its owner has come to the desk to ask. A try to rejoin
 * shows, so the organizer knows who is asking.
 */
export function RemovedDevices({
  removed,
  onState,
  onError,
}: {
  removed: RemovedDevice[];
  onState: (state: SharingState) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  if (removed.length === 0) return null;

  async function allow(device: RemovedDevice) {
    try {
      onState(await call('sharing.allow', { deviceId: device.id }));
    } catch (error) {
      onError(error);
    }
  }

  return (
    <>
      <h4 className="share-devices-heading">
        {t('sharing.removedHeading', { count: removed.length })}
      </h4>
      <p className="muted small">{t('sharing.removedHint')}</p>
      <ul className="share-devices" data-testid="share-removed">
        {removed.map((device) => (
          <li key={device.id}>
            <span className="share-device-text">
              <strong>{t(`sharing.role.${device.role}`)}</strong>
              <span className="muted small">
                {[
                  device.address,
                  device.userAgent,
                  t('sharing.removedAt', { time: clockTimeOf(device.removedAt) }),
                  device.rejoinTriedAt === null
                    ? ''
                    : t('sharing.rejoinTriedAt', { time: clockTimeOf(device.rejoinTriedAt) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <button type="button" onClick={() => void allow(device)}>
              {t('sharing.allow')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
