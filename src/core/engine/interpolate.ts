/**
 * Fills `{{slot}}` placeholders in a message template, as ESLint's interpolate does.
 * A slot with no data is left as written so a missing value is visible in tests.
 * @param template - the message template
 * @param data - values for the slots
 * @returns the filled-in message
 */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}
