/** The worklist's tab in the top bar with how many sessions wait, red while a signature is overdue. */
import { useTranslation } from 'react-i18next';
import { useWorklist } from './WorklistScreen';

export function WorklistTab({ active, onOpen }: { active: boolean; onOpen(): void }) {
  const { t } = useTranslation();
  const { list } = useWorklist();
  const count = list?.items.length ?? 0;
  const overdue = list?.items.some((i) => i.overdue) ?? false;
  return (
    <button className={active ? 'tab tab--active' : 'tab'} data-testid="tab-worklist" onClick={onOpen}>
      {t('worklist.nav')}
      {count > 0 && <span className={overdue ? 'chip chip--overdue' : 'chip'} data-testid="worklist-count">{count}</span>}
    </button>
  );
}
