import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput } from 'react-admin';
import { unitLabel, useUnits } from '../organisations/useUnits';

/** The ban or office of the user's organisation it works in; a change of organisation leaves it. */
export const UnitInput = () => {
  const organisationId = useWatch({ name: 'organisationId' }) as string | undefined;
  const { setValue } = useFormContext();
  const { data: units = [], isPending } = useUnits(organisationId);
  const shown = useRef(organisationId);
  useEffect(() => {
    if (shown.current === organisationId) return;
    shown.current = organisationId;
    setValue('unitId', null, { shouldDirty: true });
  }, [organisationId, setValue]);
  return (
    <SelectInput
      source="unitId"
      label="resources.users.fields.unitId"
      helperText="resources.users.helpers.unitId"
      choices={units.map((unit) => ({ id: unit.id, name: unitLabel(unit) }))}
      translateChoice={false}
      emptyText="resources.users.no_unit"
      isPending={Boolean(organisationId) && isPending}
      parse={(value: string) => value || null}
      sx={{ minWidth: 280 }}
    />
  );
};
