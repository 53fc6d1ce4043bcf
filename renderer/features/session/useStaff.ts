/** The active MFA and physician accounts (staff.list), to pick the responsible physician and who gave or ordered a drug. */
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';

export type StaffMember = MethodOutput<'staff.list'>[number];

export function useStaff(): StaffMember[] {
  const api = useApi();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    let alive = true;
    api
      .call('staff.list', {})
      .then((list) => alive && setStaff(list))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [api]);
  return staff;
}
