/** `.eml` samples are bundled as their text (webpack `asset/source`; a raw transform in Jest). */
declare module "*.eml" {
  const text: string;
  export default text;
}
