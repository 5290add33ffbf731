/**
 * A finding's evidence that names a few of many things (addresses, files): the first `limit`,
 * then how many more ("trip1.jpg, trip2.jpg, trip3.jpg and 2 more").
 * @param items - every item, as it is to be quoted
 * @param limit - how many to name
 * @returns the named items joined with ", ", and " and N more" when some are left out
 */
export function someAndMore(items: readonly string[], limit: number): string {
  const more = items.length - limit;
  return `${items.slice(0, limit).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
