import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput } from 'react-admin';
import { archiveLineForUnit } from '@backend/core/organisation-units';
import { unitLabel, useUnits } from '../organisations/useUnits';

/**
 * The issuer's ban or office drafting the plan (left empty on a new plan: the drafter's own). Choosing
 * another proposes its archive line ("Lưu: VT, BPT.") while the line is still the one proposed, never
 * over what the drafter wrote.
 */
export const DraftingUnitInput = () => {
  const issuerId = useWatch({ name: 'issuerId' }) as string | undefined;
  const { getValues, setValue } = useFormContext();
  const { data: units = [], isPending } = useUnits(issuerId);
  const unitId = useWatch({ name: 'draftingUnitId' }) as string | null | undefined;
  const previous = useRef(unitId);
  useEffect(() => {
    if (previous.current === unitId) return;
    const codeOf = (id: string | null | undefined) => units.find((unit) => unit.id === id)?.code ?? null;
    const archive = String(getValues('archive') ?? '');
    const proposed = archiveLineForUnit(archive, codeOf(previous.current), codeOf(unitId));
    previous.current = unitId;
    if (proposed !== archive) setValue('archive', proposed, { shouldDirty: true });
  }, [unitId, units, getValues, setValue]);
  if (!isPending && !units.length) return null;
  return (
    <SelectInput
      source="draftingUnitId"
      label="resources.plans.fields.draftingUnitId"
      helperText="resources.plans.helpers.draftingUnitId"
      choices={units.map((unit) => ({ id: unit.id, name: unitLabel(unit) }))}
      translateChoice={false}
      emptyText="resources.plans.no_unit"
      isPending={isPending}
      parse={(value: string) => value || null}
      sx={{ width: { xs: '100%', sm: 360 } }}
    />
  );
};
