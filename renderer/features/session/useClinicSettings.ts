/** The clinic's settings in force (value, unit, source), loaded once per screen; shown next to limits and defaults. */
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';

export type SettingRow = MethodOutput<'clinicSettings.list'>[number];

export function useClinicSettings(): Record<string, SettingRow> {
  const api = useApi();
  const [rows, setRows] = useState<Record<string, SettingRow>>({});
  useEffect(() => {
    let alive = true;
    api
      .call('clinicSettings.list', {})
      .then((list) => alive && setRows(Object.fromEntries(list.map((r) => [r.key, r]))))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [api]);
  return rows;
}
