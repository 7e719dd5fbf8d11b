// The server's field issues shown under the form's own fields.
import type { FormInstance } from 'antd'
import { fieldErrors } from '../api/client'

/**
 * Puts each issue of an ApiError under its field (`body.contact.phone` → contact.phone);
 * returns how many fields got one, so the caller can show the rest as a general error.
 */
export function applyFieldErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  known?: (name: (string | number)[]) => boolean,
): number {
  const fields = fieldErrors(error).filter((f) => f.name.length > 0 && (!known || known(f.name)))
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0])
  return fields.length
}
