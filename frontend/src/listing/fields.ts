// A listing's fields as a person reads them (the edit form's labels), for lists of changes.
import { t, type MessageKey } from "../i18n";

/** A field's name as the form labels it (the audit trail stores snake_case: `location_name`). */
export function fieldLabel(name: string): string {
  const camel = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()); // address_1 → address1
  const key = `field.${camel}` as MessageKey;
  const text = t(key);
  return text === key ? name : text;
}
