/** The calendar day of an instant in a time zone, loading the engine only when asked. */
export async function dayOfInstantLazy(instant: Date, timezone: string): Promise<number> {
  const { dayOfInstant } = await import("@shihyo/engine");
  return dayOfInstant(instant, timezone);
}
