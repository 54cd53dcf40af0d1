import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { SharedDevice, SharingState } from '../../../electron/api/sharing.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { JoinLockedNotice } from './JoinLockedNotice.tsx';
import { RemovedDevices } from './RemovedDevices.tsx';
import { clockTimeOf } from './runText.ts';

/** The address as a QR code a phone can scan, drawn as SVG (no canvas, nothing fetched). */
function useQrCode(text: string | undefined): string {
  const [drawn, setDrawn] = useState<{ text: string; image: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let current = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => {
        if (current)
          setDrawn({ text, image: `data:image/svg+xml;utf8,${encodeURIComponent(svg)}` });
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [text]);
  // A code drawn for an earlier address is never shown for the current one.
  return text && drawn?.text === text ? drawn.image : '';
}

/**
 * The organizer's switch for letting other devices on the local network join: the address
 * (and its QR code), the code, the devices that joined, a way to cut one off and keep it out,
 * and to let it back in.
 */
export function SharingPanel({ onError }: { onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<SharingState | null>(null);
  const [busy, setBusy] = useState(false);
  const address = state?.enabled ? state.urls[0] : undefined;
  const qr = useQrCode(address);

  useEffect(() => {
    call('sharing.get').then(setState, onError);
  }, [onError]);
  useLiveEvents(
    useCallback((event: ServerEvent) => {
      if (event.kind === 'sharing.changed') setState(event.sharing);
    }, []),
  );

  async function toggle() {
    setBusy(true);
    try {
      setState(await call('sharing.set', { enabled: !state?.enabled }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(device: SharedDevice) {
    const role = t(`sharing.role.${device.role}`);
    // The browser too: two devices can share an address (behind one Wi-Fi router's NAT).
    const name = device.userAgent
      ? t('sharing.deviceNameBrowser', { role, address: device.address, browser: device.userAgent })
      : t('sharing.deviceName', { role, address: device.address });
    if (!window.confirm(t('sharing.revokeConfirm', { name }))) return;
    try {
      setState(await call('sharing.revoke', { deviceId: device.id }));
    } catch (error) {
      onError(error);
    }
  }

  if (!state) return null;
  return (
    <section className="sharing-panel" aria-labelledby="sharing-heading" data-testid="sharing">
      <header className="section-header">
        <h3 id="sharing-heading">{t('sharing.heading')}</h3>
        <button type="button" onClick={() => void toggle()} disabled={busy}>
          {state.enabled ? t('sharing.turnOff') : t('sharing.turnOn')}
        </button>
      </header>
      {state.enabled ? (
        <>
          <p className="small">{t('sharing.on')}</p>
          <ul className="share-urls">
            {state.urls.map((u) => (
              <li key={u}>
                <code>{u}</code>
              </li>
            ))}
          </ul>
          <div className="share-join">
            {qr && (
              <img className="share-qr" src={qr} alt={t('sharing.qrAlt', { url: address ?? '' })} />
            )}
            <p
              className="share-code"
              data-testid="share-code"
              aria-label={t('sharing.code', { code: state.code })}
            >
              <span className="muted small">{t('sharing.codeLabel')}</span>
              <strong>{state.code}</strong>
            </p>
          </div>
          <JoinLockedNotice lockedUntil={state.lockedUntil} />
          <p className="muted small">{t('sharing.guestRights')}</p>
          <h4 className="share-devices-heading">
            {t('sharing.devices', { count: state.devices.length })}
          </h4>
          {state.devices.length === 0 ? (
            <p className="muted small">{t('sharing.noDevices')}</p>
          ) : (
            <ul className="share-devices" data-testid="share-devices">
              {state.devices.map((device) => (
                <li key={device.id}>
                  <span className={device.connected ? 'dot online' : 'dot'} aria-hidden />
                  <span className="share-device-text">
                    <strong>{t(`sharing.role.${device.role}`)}</strong>
                    <span className="muted small">
                      {[
                        device.address,
                        device.userAgent,
                        t('sharing.joinedAt', { time: clockTimeOf(device.joinedAt) }),
                        device.connected ? t('sharing.connected') : t('sharing.notConnected'),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </span>
                  <button type="button" className="danger" onClick={() => void revoke(device)}>
                    {t('sharing.revoke')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <RemovedDevices removed={state.removed} onState={setState} onError={onError} />
        </>
      ) : (
        <p className="muted small">{t('sharing.off')}</p>
      )}
    </section>
  );
}
