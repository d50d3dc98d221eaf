import { AppError, invalid } from '../../common/app-error';

/**
 * A 400 listing why a template cannot be used, in the project's field-keyed shape: `field` holds
 * the summary react-admin shows under the input, `field.0`, `field.1`… one problem each.
 */
export function templateProblems(field: string, summary: string, problems: string[]): AppError {
  return invalid({
    [field]: `${summary} (${problems.length} lỗi)`,
    ...Object.fromEntries(problems.map((problem, index) => [`${field}.${index}`, problem])),
  });
}
