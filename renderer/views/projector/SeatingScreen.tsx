import type { SeatingView } from '../../../electron/api/seating.ts';
import { SeatingChartGrid } from '../../components/SeatingChartGrid.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Before the meeting: "请按座次入座" over the chart, drawn as the hall sees the room. */
export function SeatingScreen({ seating }: { seating: SeatingView }) {
  const { t } = useI18n();
  return (
    <div className="projector seating-screen" data-testid="seating-screen">
      <h1>{t('projector.seating.title')}</h1>
      <p className="seating-viewpoint">
        {t(
          seating.settings.layout === 'rostrum'
            ? 'projector.seating.viewpoint'
            : 'projector.seating.viewpointTable',
        )}
      </p>
      <SeatingChartGrid chart={seating.chart} />
    </div>
  );
}
