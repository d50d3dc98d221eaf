/**
 * The fields an edit changed, for PUT endpoints that take a partial update and refuse fields they
 * do not know (id, timestamps, version): react-admin sends the whole record otherwise.
 * Values are plain JSON, so comparing their JSON is exact.
 */
export function changedFields<T extends Record<string, unknown>>(data: T, { previousData }: { previousData?: Partial<T> } = {}): Partial<T> {
  const changed = ([key, value]: [string, unknown]) => JSON.stringify(value) !== JSON.stringify(previousData?.[key]);
  return Object.fromEntries(Object.entries(data).filter(changed)) as Partial<T>;
}
