/**
 * A small JSON Schema subset and its validator, used for rule options and the policy.
 * Written here rather than taken from ajv so that the on-send bundle stays small and so that
 * every error names its path in the policy's own terms
 * (`rules.audience-size[1].threshold: expected a positive integer`).
 */

export type JsonSchema = Readonly<{
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  description?: string;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** A JavaScript regular expression source the string must match. */
  pattern?: string;
  /** Human words for `pattern`, used in the error: "expected {{patternName}}". */
  patternName?: string;
  items?: JsonSchema;
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  /** `false` closes the object; a schema validates every other property's value. */
  additionalProperties?: boolean | JsonSchema;
}>;

/** One validation problem: where and what. */
export type SchemaIssue = Readonly<{ path: string; message: string }>;

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "object") return "an object";
  return `${typeof value === "string" ? "a string" : typeof value === "number" ? "a number" : typeof value === "boolean" ? "a boolean" : typeof value}`;
}

/**
 * Joins a path and a property name the way the policy reads: `a.b`, `a[1]`, `a["odd key"]`.
 * @param base - path so far, may be empty
 * @param key - property name or array index
 * @returns the joined path
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

function expectedNumber(schema: JsonSchema): string {
  const kind = schema.type === "integer" ? "integer" : "number";
  if (schema.minimum !== undefined && schema.maximum !== undefined) {
    return `expected ${kind === "integer" ? "an integer" : "a number"} from ${schema.minimum} to ${schema.maximum}`;
  }
  if (schema.minimum === 1 && kind === "integer") return "expected a positive integer";
  if (schema.minimum === 0 && kind === "integer") return "expected a non-negative integer";
  if (schema.minimum !== undefined) return `expected ${kind === "integer" ? "an integer" : "a number"} of at least ${schema.minimum}`;
  if (schema.maximum !== undefined) return `expected ${kind === "integer" ? "an integer" : "a number"} of at most ${schema.maximum}`;
  return kind === "integer" ? "expected an integer" : "expected a number";
}

/** What `safeJson` gives for a value nested too deeply to serialise. */
const TOO_DEEP = "(nested too deeply)";

/**
 * JSON text of a value for messages and duplicate checks; a value too deeply nested to
 * serialise (JSON.stringify recurses) gets a marker of its own instead of overflowing the stack.
 * @param value - any value
 * @returns the JSON text, or undefined for undefined/functions, or a "too deep" marker
 */
function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return TOO_DEEP;
  }
}

/**
 * What an issue says, from its kind (`"string"`, `"minLength"`, `"required"`, …), the value
 * found and what it was checked against (the schema, or a detail the kind names). The
 * validators decide whether and where a value fails; a wording only words it:
 * `schemaWording` for people, `unworded` (every message "") for a caller that never shows
 * them, such as the send handler, whose bundle then carries none of the words.
 */
export type Wording = (kind: string, value: unknown, about?: unknown) => string;

/** A wording that says nothing: issues keep their paths, their messages are "". */
export const unworded: Wording = () => "";

/**
 * The messages of schema issues, for people.
 * @param kind - the check that failed (see `checkSchema`)
 * @param value - the value found
 * @param about - the schema it was checked against, or for "duplicate" the item's JSON text
 * @returns the message
 */
export function schemaWording(kind: string, value: unknown, about?: unknown): string {
  const schema = (about ?? {}) as JsonSchema;
  switch (kind) {
    case "enum":
      return `expected one of ${(schema.enum || []).map((e) => JSON.stringify(e)).join(", ")}, got ${safeJson(value) || describeType(value)}`;
    case "string":
      return `expected a string, got ${describeType(value)}`;
    case "minLength":
      return schema.minLength === 1 ? "expected a non-empty string" : `expected at least ${schema.minLength} characters`;
    case "maxLength":
      return `expected at most ${schema.maxLength} characters, got ${(value as string).length}`;
    case "pattern":
      return `expected ${schema.patternName ?? `text matching /${schema.pattern}/`}, got ${JSON.stringify(value)}`;
    case "number":
      return `${expectedNumber(schema)}, got ${typeof value === "number" ? String(value) : describeType(value)}`;
    case "boolean":
      return `expected true or false, got ${describeType(value)}`;
    case "array":
      return `expected an array, got ${describeType(value)}`;
    case "minItems":
      return `expected at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`;
    case "maxItems":
      return `expected at most ${schema.maxItems} items, got ${(value as unknown[]).length}`;
    case "nested":
      return "nested too deeply";
    case "duplicate":
      return `duplicate item ${String(about)}`;
    case "object":
      return `expected an object, got ${describeType(value)}`;
    case "required":
      return "is required";
    case "unknownOption": {
      const known = Object.keys(schema.properties || {});
      return `unknown option${known.length ? `; expected one of ${known.join(", ")}` : ""}`;
    }
    default:
      return kind;
  }
}

/**
 * Validates a value against a schema and collects every problem.
 * @param value - the value to check
 * @param schema - the schema
 * @param path - the path of `value` in the document, used in messages
 * @returns the problems found, empty when the value is valid
 */
export function validateSchema(value: unknown, schema: JsonSchema, path = ""): SchemaIssue[] {
  return checkSchema(value, schema, path, schemaWording);
}

/**
 * `validateSchema` with the issues worded by `say`: the same issues at the same paths, in the
 * same order, whatever the wording.
 * @param value - the value to check
 * @param schema - the schema
 * @param path - the path of `value` in the document
 * @param say - the wording of the messages (`schemaWording`, or `unworded`)
 * @returns the problems found, empty when the value is valid
 */
export function checkSchema(value: unknown, schema: JsonSchema, path: string, say: Wording): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const at = path || "(root)";
  if (schema.enum) {
    if (!schema.enum.some((e) => e === value)) {
      issues.push({ path: at, message: say("enum", value, schema) });
    }
    return issues;
  }
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") {
        issues.push({ path: at, message: say("string", value, schema) });
      } else if (schema.minLength !== undefined && value.length < schema.minLength) {
        issues.push({ path: at, message: say("minLength", value, schema) });
      } else if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        issues.push({ path: at, message: say("maxLength", value, schema) });
      } else if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
        issues.push({ path: at, message: say("pattern", value, schema) });
      }
      break;
    case "number":
    case "integer": {
      const ok = typeof value === "number" && Number.isFinite(value) && (schema.type === "number" || Number.isInteger(value));
      if (!ok || (schema.minimum !== undefined && (value as number) < schema.minimum) || (schema.maximum !== undefined && (value as number) > schema.maximum)) {
        issues.push({ path: at, message: say("number", value, schema) });
      }
      break;
    }
    case "boolean":
      if (typeof value !== "boolean") issues.push({ path: at, message: say("boolean", value, schema) });
      break;
    case "array":
      if (!Array.isArray(value)) {
        issues.push({ path: at, message: say("array", value, schema) });
        break;
      }
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        issues.push({ path: at, message: say("minItems", value, schema) });
      }
      if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        issues.push({ path: at, message: say("maxItems", value, schema) });
      }
      if (schema.items) {
        value.forEach((item, i) => issues.push(...checkSchema(item, schema.items as JsonSchema, joinPath(path, i), say)));
      }
      if (schema.uniqueItems) {
        const seen = new Set<string>();
        value.forEach((item, i) => {
          const key = safeJson(item);
          if (key === TOO_DEEP) issues.push({ path: joinPath(path, i), message: say("nested", item) });
          else if (seen.has(String(key))) issues.push({ path: joinPath(path, i), message: say("duplicate", item, key) });
          seen.add(String(key));
        });
      }
      break;
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        issues.push({ path: at, message: say("object", value, schema) });
        break;
      }
      const record = value as Record<string, unknown>;
      const props = schema.properties || {};
      for (const key of schema.required || []) {
        if (record[key] === undefined) issues.push({ path: joinPath(path, key), message: say("required", undefined, schema) });
      }
      for (const [key, v] of Object.entries(record)) {
        const propSchema = props[key];
        if (propSchema) {
          issues.push(...checkSchema(v, propSchema, joinPath(path, key), say));
        } else if (schema.additionalProperties === false) {
          issues.push({ path: joinPath(path, key), message: say("unknownOption", v, schema) });
        } else if (typeof schema.additionalProperties === "object") {
          issues.push(...checkSchema(v, schema.additionalProperties, joinPath(path, key), say));
        }
      }
      break;
    }
    default:
      break;
  }
  return issues;
}
