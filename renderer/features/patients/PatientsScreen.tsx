/** The patient list with a search box and the form to register a new patient. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../core/api/methods/sessionSchemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { DayField } from '../../components/DateFields';
import { TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { useNav } from '../../stores/navStore';
import { isoDate } from '../../format';
import { coalesce } from '../../api/coalesce';
import { InsuranceField, type InsuranceChoice } from './InsuranceField';

export function PatientsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const go = useNav((s) => s.go);
  const [search, setSearch] = useState('');
  const [patients, setPatients] = useState<Patient[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);

  const load = useCallback(async () => {
    try {
      setPatients(await api.call('patients.list', search.trim() ? { search: search.trim() } : {}));
      setProblems([]);
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api, search]);

  useEffect(() => {
    void load();
    // A patient registered at another station (or from the PVS) appears without a reload (issue 12 item 3).
    const reload = coalesce(load);
    const offPatients = api.on('patients.changed', reload);
    const offGdt = api.on('gdt.changed', reload);
    return () => {
      offPatients();
      offGdt();
    };
  }, [api, load]);

  return (
    <main className="page" data-testid="patients-screen">
      <h2>{t('patient.title')}</h2>
      <div className="page__cols">
        <section className="panel">
          <TextField label={t('patient.search')} value={search} onChange={setSearch} testId="patient-search" />
          <ProblemList problems={problems} />
          {patients.length === 0 ? (
            <p className="muted">{t('patient.none')}</p>
          ) : (
            <ul className="list">
              {patients.map((p) => (
                <li key={p.id}>
                  <button className="list__item" data-testid={`patient-${p.id}`} onClick={() => go({ name: 'patient', patientId: p.id })}>
                    <strong>
                      {p.familyName}, {p.givenName}
                    </strong>
                    <span className="muted">{t('patient.born', { date: isoDate(p.birthDate, lang) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <NewPatientForm onCreated={(p) => go({ name: 'patient', patientId: p.id })} />
      </div>
    </main>
  );
}

function NewPatientForm({ onCreated }: { onCreated(p: Patient): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [familyName, setFamily] = useState('');
  const [givenName, setGiven] = useState('');
  const [birthDate, setBirth] = useState('');
  const [insurance, setInsurance] = useState<InsuranceChoice>('unknown');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!birthDate) return; // a date that is none is named next to its field
    try {
      onCreated(await api.call('patients.create', { familyName, givenName, birthDate, ...(insurance === 'unknown' ? {} : { insurance }) }));
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="new-patient">
      <h3>{t('patient.newTitle')}</h3>
      <TextField label={t('patient.familyName')} value={familyName} onChange={setFamily} required testId="patient-family" />
      <TextField label={t('patient.givenName')} value={givenName} onChange={setGiven} required testId="patient-given" />
      <DayField label={t('patient.birthDate')} value={birthDate} onChange={setBirth} required testId="patient-birth" />
      <InsuranceField value={insurance} onChange={setInsurance} testId="patient-insurance" />
      <ProblemList problems={problems} title={t('session.refused')} />
      <button type="submit" className="btn btn--primary" data-testid="patient-create">
        {t('patient.create')}
      </button>
    </form>
  );
}
