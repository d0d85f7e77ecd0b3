/** An involvement's role with the ESF detail that goes with it: a degree for perpetrators, a status for victims. */
import {
  INVOLVEMENT_ROLES,
  type InvolvementRole,
  PERPETRATOR_DEGREES,
  type PerpetratorDegree,
  VICTIM_STATUSES,
  type VictimStatus,
} from '../api/casework.ts';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';

export interface RoleDetail {
  role: InvolvementRole;
  perpetratorDegree: PerpetratorDegree | '';
  victimStatus: VictimStatus | '';
}

/** The detail as the API takes it: only the one the role has, empty as null. */
export function roleDetailPatch(detail: RoleDetail) {
  return {
    role: detail.role,
    perpetratorDegree:
      detail.role === 'perpetrator' && detail.perpetratorDegree ? detail.perpetratorDegree : null,
    victimStatus: detail.role === 'victim' && detail.victimStatus ? detail.victimStatus : null,
  };
}

export function RoleFields({
  value,
  onChange,
}: {
  value: RoleDetail;
  onChange: (value: RoleDetail) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormField label={t('involvement.role')}>
        {({ id }) => (
          <select
            id={id}
            name="role"
            value={value.role}
            onChange={(e) => onChange({ ...value, role: e.target.value as InvolvementRole })}
          >
            {INVOLVEMENT_ROLES.map((code) => (
              <option key={code} value={code}>
                {t(`role.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {value.role === 'perpetrator' ? (
        <FormField label={t('involvement.degree')}>
          {({ id }) => (
            <select
              id={id}
              value={value.perpetratorDegree}
              onChange={(e) => onChange({ ...value, perpetratorDegree: e.target.value as PerpetratorDegree })}
            >
              <option value="">—</option>
              {PERPETRATOR_DEGREES.map((code) => (
                <option key={code} value={code}>
                  {t(`degree.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {value.role === 'victim' ? (
        <FormField label={t('involvement.victimStatus')}>
          {({ id }) => (
            <select
              id={id}
              name="victim-status"
              value={value.victimStatus}
              onChange={(e) => onChange({ ...value, victimStatus: e.target.value as VictimStatus })}
            >
              <option value="">—</option>
              {VICTIM_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {t(`victimStatus.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
    </>
  );
}
